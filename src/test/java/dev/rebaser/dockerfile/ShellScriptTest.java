package dev.rebaser.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShellScriptTest {

	static String text(ShellScript s, Span span) {
		return s.source().substring(span.start(), span.end());
	}

	static List<String> commandTexts(ShellScript s) {
		return s.commands().stream().map(c -> text(s, c.span())).toList();
	}

	static List<String> names(ShellScript s) {
		return s.commands().stream().map(c -> c.name().orElse("?")).toList();
	}

	static List<String> raws(List<Word> words) {
		return words.stream().map(Word::raw).toList();
	}

	static String resource(String name) throws IOException {
		try (InputStream in = ShellScriptTest.class.getResourceAsStream("/dockerfile/shell/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Nested
	class Lists {

		@Test
		void splitsAnAndChainIntoCommandsWithTheirSeparators() {
			String src = "apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("apk add --no-cache --virtual .build-deps gcc musl-dev", "make",
					"apk del .build-deps");
			assertThat(s.commands()).extracting(ShellCommand::separator).containsExactly("&&", "&&", "");
			assertThat(s.commands().get(0).argv()).containsExactly("apk", "add", "--no-cache", "--virtual",
					".build-deps", "gcc", "musl-dev");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void everyListOperatorSeparates() {
			ShellScript s = ShellScript.parse("a || b ; c | d |& e & f\ng");

			assertThat(commandTexts(s)).containsExactly("a", "b", "c", "d", "e", "f", "g");
			assertThat(s.commands()).extracting(ShellCommand::separator)
				.containsExactly("||", ";", "|", "|&", "&", "\n", "");
		}

		@Test
		void operatorsNeedNoSpaces() {
			ShellScript s = ShellScript.parse("a&&b||c;d|e");

			assertThat(commandTexts(s)).containsExactly("a", "b", "c", "d", "e");
			assertThat(s.commands()).extracting(ShellCommand::separator).containsExactly("&&", "||", ";", "|", "");
		}

		@Test
		void spanExcludesTrailingBlanksAndTheSeparator() {
			String src = "  apk add  curl   &&\tapk del x  ";
			ShellScript s = ShellScript.parse(src);

			ShellCommand first = s.commands().get(0);
			assertThat(first.span()).isEqualTo(new Span(2, 15));
			assertThat(text(s, first.span())).isEqualTo("apk add  curl");
			assertThat(text(s, s.commands().get(1).span())).isEqualTo("apk del x");
		}

		@Test
		void wordSpansAreExact() {
			String src = "echo  'a b'\t\"c\"d e\\ f";
			ShellScript s = ShellScript.parse(src);

			List<Word> words = s.commands().get(0).words();
			assertThat(words).extracting(w -> text(s, w.span())).containsExactly("echo", "'a b'", "\"c\"d", "e\\ f");
			assertThat(words).extracting(Word::raw).containsExactly("echo", "'a b'", "\"c\"d", "e\\ f");
			assertThat(words).extracting(Word::literal).containsExactly("echo", "a b", "cd", "e f");
		}

		@Test
		void emptyAndBlankScriptsHaveNoCommands() {
			assertThat(ShellScript.parse("").commands()).isEmpty();
			assertThat(ShellScript.parse(" \n\t\n").commands()).isEmpty();
			assertThat(ShellScript.parse("# only a comment").commands()).isEmpty();
			assertThat(ShellScript.parse("").problem()).isEmpty();
		}

		@Test
		void trailingSemicolonAndBackgroundAreSeparators() {
			ShellScript s = ShellScript.parse("a; b &");

			assertThat(s.commands()).extracting(ShellCommand::separator).containsExactly(";", "&");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void chainContinuedOnTheNextLineKeepsTheOperatorAsSeparator() {
			ShellScript s = ShellScript.parse("a &&\n  b");

			assertThat(commandTexts(s)).containsExactly("a", "b");
			assertThat(s.commands().get(0).separator()).isEqualTo("&&");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void bangNegatesAPipelineAndIsNotACommand() {
			ShellScript s = ShellScript.parse("! grep -q x file && echo missing");

			assertThat(commandTexts(s)).containsExactly("grep -q x file", "echo missing");
		}

	}

	@Nested
	class Words {

		@Test
		void literalIsTheValueAfterQuoteRemoval() {
			ShellScript s = ShellScript.parse("\"curl\" 'a b' a\\ b \"x\\\"y\" 'it'\\''s' \"a\\nb\" ''");

			assertThat(s.commands().get(0).words()).extracting(Word::literal)
				.containsExactly("curl", "a b", "a b", "x\"y", "it's", "a\\nb", "");
		}

		@Test
		void expansionsHaveNoLiteral() {
			ShellScript s = ShellScript.parse("echo $FOO ${BAR} \"$(date)\" `id -u` pre$1 $((1+2)) \"a${b}c\"");

			List<Word> words = s.commands().get(0).words();
			assertThat(words).hasSize(8);
			assertThat(words.subList(1, 8)).allSatisfy(w -> {
				assertThat(w.literal()).as(w.raw()).isNull();
				assertThat(w.isLiteral()).isFalse();
			});
			assertThat(words.get(0).isLiteral()).isTrue();
		}

		@Test
		void dollarNotStartingAnExpansionIsLiteral() {
			ShellScript s = ShellScript.parse("echo cost$ '$HOME' \"a$ b\" \\$x");

			assertThat(s.commands().get(0).words()).extracting(Word::literal)
				.containsExactly("echo", "cost$", "$HOME", "a$ b", "$x");
		}

		@Test
		void commandSubstitutionWithNestedQuotesAndParensStaysOneWord() {
			String sub = "\"$(echo \"$(basename \"$(pwd)\")\" | sed 's/)/(/; s/a;b/c/')\"";
			String src = "x " + sub + " && y";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("x " + sub, "y");
			assertThat(s.commands().get(0).argv()).containsExactly("x", sub);
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void caseInsideCommandSubstitutionDoesNotEndItAtAPattern() {
			String sub = "$(case $(uname -m) in x86_64) echo amd64;; (aarch64) echo arm64;; esac)";
			String src = "ARCH=" + sub + " && if x; then y=$(if a; then case $b in c) d;;\n esac; fi); fi; echo $ARCH";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("ARCH=" + sub, "x",
					"y=$(if a; then case $b in c) d;;\n esac; fi)", "echo $ARCH");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void theWordCaseAsAnArgumentInsideASubstitutionIsNotACaseStatement() {
			ShellScript s = ShellScript.parse("x $(grep case f) $(echo a case) && y");

			assertThat(names(s)).containsExactly("x", "y");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void commentInsideCommandSubstitutionMayHoldAParen() {
			String src = "x $(echo a # not a )\n) && y";
			ShellScript s = ShellScript.parse(src);

			assertThat(names(s)).containsExactly("x", "y");
		}

		@Test
		void arithmeticBackquotesAndBracesAreWholeWords() {
			ShellScript s = ShellScript.parse("echo $((1 + (2 * 3))) `uname -m; true` ${a:-\"}\"} ${b//;/|}");

			assertThat(s.commands()).hasSize(1);
			assertThat(s.commands().get(0).argv()).containsExactly("echo", "$((1 + (2 * 3)))", "`uname -m; true`",
					"${a:-\"}\"}", "${b//;/|}");
		}

		@Test
		void ansiCQuotingIsDecoded() {
			ShellScript s = ShellScript.parse("printf $'a\\tb\\n\\x41\\101\\'' $\"loc\"");

			assertThat(s.commands().get(0).words()).extracting(Word::literal)
				.containsExactly("printf", "a\tb\nAA'", "loc");
		}

		@Test
		void nestedShCommandStaysOneWord() {
			String inner = "'apk add curl && echo \"done; really\" | tee /log'";
			String src = "sh -c " + inner + " && bash -c \"cd /x && make\"";
			ShellScript s = ShellScript.parse(src);

			assertThat(s.commands()).hasSize(2);
			assertThat(s.commands().get(0).argv()).containsExactly("sh", "-c", inner);
			assertThat(s.commands().get(0).words().get(2).literal())
				.isEqualTo("apk add curl && echo \"done; really\" | tee /log");
			assertThat(s.commands().get(1).argv()).containsExactly("bash", "-c", "\"cd /x && make\"");
		}

		@Test
		void processSubstitutionIsAWordNotARedirect() {
			ShellScript s = ShellScript.parse("diff <(sort a) >(cat) && x");

			ShellCommand c = s.commands().get(0);
			assertThat(c.argv()).containsExactly("diff", "<(sort a)", ">(cat)");
			assertThat(c.redirects()).isEmpty();
		}

		@Test
		void escapedOperatorsAreWordCharacters() {
			ShellScript s = ShellScript.parse("find . -name x \\; -o \\( -a \\) \\&\\& y");

			assertThat(s.commands()).hasSize(1);
			assertThat(s.commands().get(0).words()).extracting(Word::literal)
				.containsExactly("find", ".", "-name", "x", ";", "-o", "(", "-a", ")", "&&", "y");
		}

		@Test
		void bracesInsideWordsAreNotGroups() {
			ShellScript s = ShellScript.parse("cp a.{c,h} {x} /tmp");

			assertThat(s.commands().get(0).argv()).containsExactly("cp", "a.{c,h}", "{x}", "/tmp");
		}

	}

	@Nested
	class AssignmentsAndRedirects {

		@Test
		void leadingAssignmentsAreNotArgv() {
			ShellScript s = ShellScript.parse("CGO_ENABLED=0 GOOS=\"linux\" X+=1 arr[2]=y go build -o out=1 .");

			ShellCommand c = s.commands().get(0);
			assertThat(raws(c.assignments())).containsExactly("CGO_ENABLED=0", "GOOS=\"linux\"", "X+=1", "arr[2]=y");
			assertThat(c.argv()).containsExactly("go", "build", "-o", "out=1", ".");
			assertThat(c.name()).contains("go");
			assertThat(text(s, c.span())).isEqualTo(s.source());
		}

		@Test
		void assignmentOnlyIsACommandWithoutName() {
			ShellScript s = ShellScript.parse("FOO=bar; arr=(a 'b c' d)");

			assertThat(s.commands()).hasSize(2);
			assertThat(s.commands().get(0).name()).isEmpty();
			assertThat(raws(s.commands().get(1).assignments())).containsExactly("arr=(a 'b c' d)");
		}

		@Test
		void wordsThatLookLikeAssignmentsAreNotWhenNotLeading() {
			assertThat(ShellScript.parse("1X=a").commands().get(0).assignments()).isEmpty();
			assertThat(ShellScript.parse("=a").commands().get(0).assignments()).isEmpty();
			assertThat(ShellScript.parse("'A'=a").commands().get(0).assignments()).isEmpty();
		}

		@Test
		void redirectionsAreCollectedWithTheirTargets() {
			String src = "cmd a >out 2>&1 b > 'f g' >>log <in &>all 3<&0 <<<\"s\" >| c 4<>rw &>>both c";
			ShellScript s = ShellScript.parse(src);

			ShellCommand c = s.commands().get(0);
			assertThat(c.argv()).containsExactly("cmd", "a", "b", "c");
			assertThat(raws(c.redirects())).containsExactly(">out", "2>&1", "> 'f g'", ">>log", "<in", "&>all", "3<&0",
					"<<<\"s\"", ">| c", "4<>rw", "&>>both");
			assertThat(c.redirects()).allSatisfy(r -> assertThat(text(s, r.span())).isEqualTo(r.raw()));
			assertThat(c.redirects().get(2).literal()).isEqualTo(">f g");
			assertThat(text(s, c.span())).isEqualTo(src);
		}

		@Test
		void digitsNotTouchingARedirectAreWords() {
			ShellScript s = ShellScript.parse("sleep 2 >/dev/null");

			assertThat(s.commands().get(0).argv()).containsExactly("sleep", "2");
			assertThat(raws(s.commands().get(0).redirects())).containsExactly(">/dev/null");
		}

		@Test
		void digitsRightAfterADuplicationAreItsTarget() {
			ShellScript s = ShellScript.parse("echo 2>&1>/dev/null 3>&- x");

			assertThat(raws(s.commands().get(0).redirects())).containsExactly("2>&1", ">/dev/null", "3>&-");
			assertThat(s.commands().get(0).argv()).containsExactly("echo", "x");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void commandNameIsEmptyWhenTheFirstWordExpands() {
			ShellScript s = ShellScript.parse("$CC -o x y.c; \"$(command -v make)\" all; \"make\" all");

			assertThat(s.commands()).extracting(c -> c.name().orElse(null)).containsExactly(null, null, "make");
		}

		@Test
		void redirectFirstStillStartsTheSpan() {
			String src = "x; >/dev/null 2>&1 command -v curl || y";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("x", ">/dev/null 2>&1 command -v curl", "y");
			assertThat(s.commands().get(1).name()).contains("command");
		}

		@Test
		void redirectionWithoutTargetIsAProblemNotACrash() {
			ShellScript s = ShellScript.parse("echo hi > && next");

			assertThat(s.problem()).hasValueSatisfying(p -> assertThat(p).contains("offset 8"));
			assertThat(names(s)).containsExactly("echo", "next");
		}

	}

	@Nested
	class CompoundCommands {

		@Test
		void ifBranchesReportOnlyTheirCommands() {
			String src = "if [ -f /a ]; then apk add curl; elif test -d /b; then :; else echo no; fi && done=1";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("[ -f /a ]", "apk add curl", "test -d /b", ":", "echo no",
					"done=1");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void multiLineIfWithNesting() {
			String src = """
					if true
					then
					  if false; then x; fi
					  y
					else
					  z
					fi
					""";
			ShellScript s = ShellScript.parse(src);

			assertThat(names(s)).containsExactly("true", "false", "x", "y", "z");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void whileUntilAndForLoops() {
			String src = "while read -r line; do echo \"$line\"; done < list; " + "until false; do break; done; "
					+ "for p in gcc make 'musl dev'; do apk add \"$p\"; done; "
					+ "for ((i = 0; i < 3; i++)); do echo $i; done; " + "for x\ndo echo $x; done";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("read -r line", "echo \"$line\"", "false", "break",
					"apk add \"$p\"", "echo $i", "echo $x");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void redirectOfALoopIsNotACommand() {
			ShellScript s = ShellScript.parse("while read l; do :; done < /etc/passwd > out && echo ok");

			assertThat(names(s)).containsExactly("read", ":", "echo");
		}

		@Test
		void caseStatementReportsBodiesNotPatterns() {
			String src = "case \"$(apk --print-arch)\" in\n" + "  x86_64|aarch64) arch=amd; echo one ;;\n"
					+ "  (arm*) echo two;;\n" + "  esac_like) echo three ;&\n"
					+ "  *) echo \"unsupported\" >&2; exit 1\n" + "esac; echo after";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("arch=amd", "echo one", "echo two", "echo three",
					"echo \"unsupported\" >&2", "exit 1", "echo after");
			assertThat(s.commands().get(1).separator()).isEqualTo(";;");
			assertThat(s.commands().get(3).separator()).isEqualTo(";&");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void caseOnOneLineWithEmptyBodyAndNestedCase() {
			String src = "case $a in a) ;; b) case $b in c) echo c;; esac;; esac";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("echo c");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void subshellsAndGroups() {
			String src = "(cd /src && make) && { echo a; echo b; } > log; (a) | (b)";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("cd /src", "make", "echo a", "echo b", "a", "b");
			assertThat(s.commands().get(1).separator()).isEmpty();
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void braceIsReservedOnlyInCommandPosition() {
			ShellScript s = ShellScript.parse("echo { } && { echo x }\n}");

			assertThat(s.commands()).extracting(ShellCommand::argv)
				.containsExactly(List.of("echo", "{", "}"), List.of("echo", "x", "}"));
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void reservedWordsQuotedOrAsArgumentsAreOrdinary() {
			ShellScript s = ShellScript.parse("echo if then fi done; 'if' x");

			assertThat(s.commands()).extracting(ShellCommand::argv)
				.containsExactly(List.of("echo", "if", "then", "fi", "done"), List.of("'if'", "x"));
		}

		@Test
		void functionDefinitionsAreNotCommandsButTheirBodiesAre() {
			String src = "f() { apk add x; }; function g { echo g; }; function h() (echo h); f";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("apk add x", "echo g", "echo h", "f");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void arithmeticCommandIsNotASimpleCommand() {
			ShellScript s = ShellScript.parse("((n += 1)) && echo $n; ( (echo nested) )");

			assertThat(commandTexts(s)).containsExactly("echo $n", "echo nested");
		}

		@Test
		void doubleBracketTestKeepsItsOperators() {
			ShellScript s = ShellScript.parse("[[ -f a && ( -d b || $x < y ) ]] && echo ok");

			assertThat(s.commands()).hasSize(2);
			assertThat(s.commands().get(0).argv()).containsExactly("[[", "-f", "a", "&&", "(", "-d", "b", "||", "$x",
					"<", "y", ")", "]]");
			assertThat(s.commands().get(0).redirects()).isEmpty();
		}

	}

	@Nested
	class HeredocsCommentsContinuations {

		@Test
		void hereDocumentBodiesAreData() throws IOException {
			String src = resource("heredoc.sh");
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("cat > /etc/app.conf <<EOF", "cat <<-'END'",
					"sed 's/^/> /' >> /tmp/motd", "echo done");
			assertThat(raws(s.commands().get(1).redirects())).containsExactly("<<-'END'");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void twoHereDocumentsOnOneLineAreReadInOrder() {
			String src = "cat <<A - <<\"B\" && x\nbody a\nA\nbody b; y\nB\nz";
			ShellScript s = ShellScript.parse(src);

			assertThat(names(s)).containsExactly("cat", "x", "z");
		}

		@Test
		void hereDocumentDelimiterMayBeEscapedAndBodyMayEndWithCrLf() {
			String src = "cat <<\\EOF\r\nnot; a command\r\nEOF\r\necho after";
			ShellScript s = ShellScript.parse(src);

			assertThat(names(s)).containsExactly("cat", "echo");
			assertThat(s.problem()).isEmpty();
		}

		@Test
		void unterminatedHereDocumentIsAProblem() {
			ShellScript s = ShellScript.parse("cat <<EOF\nline; rm x\n");

			assertThat(names(s)).containsExactly("cat");
			assertThat(s.problem()).hasValue("unterminated here-document 'EOF' at offset 4");
		}

		@Test
		void hereStringIsNotAHereDocument() {
			ShellScript s = ShellScript.parse("cat <<< word\necho next");

			assertThat(names(s)).containsExactly("cat", "echo");
		}

		@Test
		void commentsRunToTheEndOfTheLine() {
			ShellScript s = ShellScript.parse("a # b && c\nd#e f # g\n  # h\ni");

			assertThat(s.commands()).extracting(ShellCommand::argv)
				.containsExactly(List.of("a"), List.of("d#e", "f"), List.of("i"));
			assertThat(text(s, s.commands().get(0).span())).isEqualTo("a");
		}

		@Test
		void backslashNewlineContinuesTheLine() {
			String src = "apk add \\\n    curl \\\n    git && \\\n  rm -rf /var/cache/apk/*";
			ShellScript s = ShellScript.parse(src);

			assertThat(commandTexts(s)).containsExactly("apk add \\\n    curl \\\n    git", "rm -rf /var/cache/apk/*");
			assertThat(s.commands().get(0).argv()).containsExactly("apk", "add", "curl", "git");
		}

		@Test
		void continuationInsideAWordJoinsIt() {
			ShellScript s = ShellScript.parse("ec\\\nho a\"b\\\nc\"");

			Word first = s.commands().get(0).words().get(0);
			assertThat(first.raw()).isEqualTo("ec\\\nho");
			assertThat(first.literal()).isEqualTo("echo");
			assertThat(s.commands().get(0).words().get(1).literal()).isEqualTo("abc");
		}

	}

	@Nested
	class RealisticScripts {

		@Test
		void longBuildScriptFromAResource() throws IOException {
			String src = resource("build-deps.sh");
			ShellScript s = ShellScript.parse(src);

			assertThat(names(s)).containsExactly("set", "apk", "export", "cd", "go", "[", "wget", "tar", "[", "echo",
					"true", "chmod", "exit", "echo", "echo", "exit", "rm", "apk");
			assertThat(s.problem()).isEmpty();
			ShellCommand add = s.commands().get(1);
			assertThat(add.argv()).containsExactly("apk", "add", "--no-cache", "--virtual", ".build-deps", "gcc",
					"musl-dev", "linux-headers", "\"openssl-dev>=3\"");
			assertThat(text(s, add.span())).startsWith("apk add").endsWith("\"openssl-dev>=3\"");
			assertThat(add.separator()).isEqualTo(";");
			ShellCommand last = s.commands().get(s.commands().size() - 1);
			assertThat(text(s, last.span())).isEqualTo("apk del .build-deps");
			assertThat(last.separator()).isEqualTo("\n");
		}

		@Test
		void replacingOneCommandBySpanLeavesEveryOtherByteAlone() throws IOException {
			String src = resource("build-deps.sh");
			ShellScript s = ShellScript.parse(src);
			ShellCommand target = s.commands()
				.stream()
				.filter(c -> c.argv().equals(List.of("apk", "del", ".build-deps")))
				.findFirst()
				.orElseThrow();

			String edited = src.substring(0, target.span().start()) + "apt-get purge -y gcc"
					+ src.substring(target.span().end());

			ShellScript again = ShellScript.parse(edited);
			assertThat(names(again)).hasSameSizeAs(names(s));
			assertThat(again.commands().get(again.commands().size() - 1).argv()).containsExactly("apt-get", "purge",
					"-y", "gcc");
			assertThat(edited.replace("apt-get purge -y gcc", "apk del .build-deps")).isEqualTo(src);
		}

		@Test
		void kubernetesStyleSingleLine() {
			String src = "apk --update add bash curl && rm -rf /var/cache/apk/* && "
					+ "curl -sSL https://example.invalid/x.tar.gz | tar xz -C / && "
					+ "echo \"$(cat /VERSION)\" > /version && chmod +x /usr/local/bin/*";
			ShellScript s = ShellScript.parse(src);

			assertThat(names(s)).containsExactly("apk", "rm", "curl", "tar", "echo", "chmod");
			assertThat(s.commands()).extracting(ShellCommand::separator)
				.containsExactly("&&", "&&", "|", "&&", "&&", "");
			for (ShellCommand c : s.commands()) {
				assertThat(text(s, c.span())).doesNotEndWith(" ").doesNotStartWith(" ");
			}
		}

	}

	@Nested
	class Shifting {

		@Test
		void shiftedMapsEverySpanByFirstAndLastChar() {
			ShellScript s = ShellScript.parse("X=1 apk add curl >log");
			ShellCommand c = s.commands().get(0);

			ShellCommand moved = c.shifted(i -> i + 100);

			assertThat(moved.span()).isEqualTo(new Span(100, 100 + c.span().length()));
			assertThat(moved.words().get(0).span()).isEqualTo(new Span(104, 107));
			assertThat(moved.assignments().get(0).span()).isEqualTo(new Span(100, 103));
			assertThat(moved.redirects().get(0).span()).isEqualTo(new Span(117, 121));
			assertThat(moved.argv()).isEqualTo(c.argv());
			assertThat(moved.separator()).isEqualTo(c.separator());
		}

		@Test
		void shiftedDoesNotStretchOverSkippedText() {
			// the mapping skips a removed gap after offset 3, as a joined continuation
			// would
			ShellScript s = ShellScript.parse("abc def");
			Function<Integer, Integer> f = i -> i <= 3 ? i : i + 10;

			ShellCommand moved = s.commands().get(0).shifted(f::apply);

			assertThat(moved.words().get(0).span()).isEqualTo(new Span(0, 3));
			assertThat(moved.words().get(1).span()).isEqualTo(new Span(14, 17));
		}

	}

	@Nested
	class Problems {

		@Test
		void unterminatedQuotesNameTheirOffset() {
			assertThat(ShellScript.parse("echo 'abc").problem()).hasValue("unterminated single quote at offset 5");
			assertThat(ShellScript.parse("echo x \"abc").problem()).hasValue("unterminated double quote at offset 7");
			assertThat(ShellScript.parse("echo $(ls").problem()).hasValue("unterminated parenthesis at offset 5");
			assertThat(ShellScript.parse("a `b").problem()).hasValue("unterminated backquote at offset 2");
			assertThat(ShellScript.parse("a ${b").problem()).hasValue("unterminated parameter expansion at offset 2");
		}

		@Test
		void unterminatedQuoteStillReportsTheCommandsBefore() {
			ShellScript s = ShellScript.parse("a && b 'c && d");

			assertThat(names(s)).containsExactly("a", "b");
			assertThat(s.commands().get(1).words().get(1).raw()).isEqualTo("'c && d");
			assertThat(s.commands().get(1).words().get(1).literal()).isNull();
		}

		@Test
		void unclosedAndStrayCompoundsAreReported() {
			assertThat(ShellScript.parse("if true; then x").problem()).hasValue("unclosed 'if' at offset 0");
			assertThat(ShellScript.parse("x; fi").problem()).hasValue("unexpected 'fi' at offset 3");
			assertThat(ShellScript.parse("a )").problem()).hasValue("unexpected ')' at offset 2");
			assertThat(ShellScript.parse("(a").problem()).hasValue("unclosed '(' at offset 0");
			assertThat(ShellScript.parse("&& a").problem()).hasValue("unexpected '&&' at offset 0");
			assertThat(ShellScript.parse("a | | b").problem()).hasValue("unexpected '|' at offset 4");
		}

		@Test
		void nullIsAnEmptyScript() {
			ShellScript s = ShellScript.parse(null);

			assertThat(s.source()).isEmpty();
			assertThat(s.commands()).isEmpty();
		}

		@Test
		void deeplyNestedSubstitutionsDoNotThrow() {
			String src = "echo " + "\"$(".repeat(20_000);
			ShellScript s = ShellScript.parse(src);

			assertThat(s.problem())
				.hasValueSatisfying(p -> assertThat(p).startsWith("quotes and substitutions nested too deep"));
			assertThat(s.commands()).hasSize(1);
		}

	}

}
