package dev.rebaser.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rebaser.build.BuildJobs;
import dev.rebaser.build.Rebuilds;
import dev.rebaser.build.queue.BuildJob;
import dev.rebaser.build.queue.BuildLog;
import dev.rebaser.build.queue.BuildQueue;
import dev.rebaser.build.queue.BuildState;
import dev.rebaser.web.SecurityConfiguration;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The jobs REST API: who may start work, what a job says, how its log streams, and
 * refusals.
 */
@WebMvcTest(BuildController.class)
@Import({ SecurityConfiguration.class, ApiProblems.class, LogFollowers.class })
@TestPropertySource(properties = "rebaser.operator.token=test-token")
class BuildControllerTest {

	static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Rebuilds rebuilds;

	@MockitoBean
	BuildQueue queue;

	@MockitoBean
	BuildLog logs;

	@Autowired
	LogFollowers followers;

	@Test
	void startingBuildsWithoutTheTokenIs401AndStartsNothing() throws Exception {
		mvc.perform(post("/api/builds"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", "Bearer"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("operator token")));
		mvc.perform(post("/api/builds").header("Authorization", "Bearer wrong")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/builds/7/cancel")).andExpect(status().isUnauthorized());
		verify(rebuilds, never()).start(anyList(), anyString(), anyBoolean(), anyString());
		verify(queue, never()).cancel(any(Long.class), anyString());
	}

	@Test
	void anEmptyOrderRebuildsEverythingForMips64le() throws Exception {
		BuildJob job = BuildJobs.job(1, "agnhost", "mips64le", BuildState.NEEDS_BUILD, T0);
		when(rebuilds.start(List.of(), "mips64le", false, "operator via API")).thenReturn(List.of(job));

		mvc.perform(post("/api/builds").header("Authorization", "Bearer test-token"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$[0].id").value(1))
			.andExpect(jsonPath("$[0].image").value("agnhost"))
			.andExpect(jsonPath("$[0].state").value("NEEDS_BUILD"));
	}

	@Test
	void anOrderNamesImagesArchAndForce() throws Exception {
		BuildJob job = BuildJobs.job(2, "kitten", "arm64", BuildState.DEP_WAIT, T0);
		when(rebuilds.start(List.of("kitten"), "arm64", true, "operator via API")).thenReturn(List.of(job));

		mvc.perform(post("/api/builds").header("Authorization", "Bearer test-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"images\":[\"kitten\"],\"arch\":\"arm64\",\"force\":true}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$[0].state").value("DEP_WAIT"));
	}

	@Test
	void anUnknownImageIs404() throws Exception {
		when(rebuilds.start(eq(List.of("nope")), anyString(), anyBoolean(), anyString()))
			.thenThrow(new Rebuilds.UnknownImageException("nope"));

		mvc.perform(post("/api/builds").header("Authorization", "Bearer test-token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"images\":[\"nope\"]}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("no image nope in the catalog"));
	}

	@Test
	void aJobShowsItsStateHistory() throws Exception {
		BuildJob job = BuildJobs.started(BuildJobs.job(3, "httpd", "mips64le", BuildState.BUILDING, T0), "unix:///d", 1,
				T0.plusSeconds(2));
		when(queue.job(3)).thenReturn(job);
		when(queue.history(3)).thenReturn(List
			.of(BuildJobs.event(3, T0, "operator via API", null, BuildState.NEEDS_BUILD, "queued"), BuildJobs.event(3,
					T0.plusSeconds(2), "scheduler@a", BuildState.NEEDS_BUILD, BuildState.BUILDING, "attempt 1 of 3")));

		mvc.perform(get("/api/builds/3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("BUILDING"))
			.andExpect(jsonPath("$.dockerHost").value("unix:///d"))
			.andExpect(jsonPath("$.history[1].from").value("NEEDS_BUILD"))
			.andExpect(jsonPath("$.history[1].to").value("BUILDING"))
			.andExpect(jsonPath("$.history[1].actor").value("scheduler@a"));
	}

	@Test
	void anUnknownJobIs404AndAnImpossibleChangeIs409() throws Exception {
		when(queue.job(99)).thenThrow(new NoSuchElementException("no build job 99"));
		mvc.perform(get("/api/builds/99")).andExpect(status().isNotFound());

		when(queue.cancel(4, "operator via API")).thenThrow(new IllegalStateException("job 4 has finished"));
		mvc.perform(post("/api/builds/4/cancel").header("Authorization", "Bearer test-token"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("job 4 has finished"));
	}

	/** What the controller asks the log for: where from, and whether to wait for more. */
	void logsAnswerWithWhatTheyWereAsked() throws Exception {
		doAnswer(call -> {
			long offset = call.getArgument(1);
			OutputStream out = call.getArgument(2);
			BooleanSupplier growing = call.getArgument(3);
			out.write(("from " + offset + ", growing " + growing.getAsBoolean()).getBytes(StandardCharsets.UTF_8));
			return null;
		}).when(logs).copyTo(anyLong(), anyLong(), any(), any());
	}

	@Test
	void theLogOfARunningJobIsFollowedUntilTheJobEnds() throws Exception {
		logsAnswerWithWhatTheyWereAsked();
		BuildJob building = BuildJobs.job(5, "httpd", "mips64le", BuildState.BUILDING, T0);
		BuildJob built = BuildJobs.job(5, "httpd", "mips64le", BuildState.BUILT, T0);
		when(queue.job(5)).thenReturn(building, building, built);

		MvcResult started = mvc.perform(get("/api/builds/5/log")).andExpect(request().asyncStarted()).andReturn();
		mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(content().string("from 0, growing true"));
		MvcResult finished = mvc.perform(get("/api/builds/5/log")).andReturn();
		mvc.perform(asyncDispatch(finished)).andExpect(content().string("from 0, growing false"));
	}

	@Test
	void theLogFromAnOffsetWithoutFollowingReturnsWhatIsThere() throws Exception {
		logsAnswerWithWhatTheyWereAsked();
		when(queue.job(6)).thenReturn(BuildJobs.job(6, "httpd", "mips64le", BuildState.BUILDING, T0));

		MvcResult started = mvc.perform(get("/api/builds/6/log?offset=4&follow=false")).andReturn();
		mvc.perform(asyncDispatch(started)).andExpect(content().string("from 4, growing false"));
	}

	@Test
	void oneAddressFollowsFourLogsAtOnceAndIsToldSoWhenItAsksForAFifth() throws Exception {
		BlockingQueue<BooleanSupplier> following = new LinkedBlockingQueue<>();
		CountDownLatch end = new CountDownLatch(1);
		doAnswer(call -> {
			following.add(call.getArgument(3));
			end.await(10, TimeUnit.SECONDS);
			return null;
		}).when(logs).copyTo(anyLong(), anyLong(), any(), any());
		when(queue.job(7)).thenReturn(BuildJobs.job(7, "httpd", "mips64le", BuildState.BUILDING, T0));
		List<MvcResult> streams = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			streams.add(mvc.perform(get("/api/builds/7/log")).andExpect(request().asyncStarted()).andReturn());
		}
		for (int i = 0; i < 4; i++) {
			assertThat(following.poll(10, TimeUnit.SECONDS)).isNotNull();
		}

		mvc.perform(get("/api/builds/7/log"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "30"))
			.andExpect(jsonPath("$.type").value("urn:rebaser:problem:too-many-followers"))
			.andExpect(jsonPath("$.detail").value(containsString("rebaser.logs.max-followers-per-client")));
		// another address, and a read without following, are answered
		mvc.perform(get("/api/builds/7/log").with(call -> {
			call.setRemoteAddr("192.0.2.8");
			return call;
		})).andExpect(request().asyncStarted());
		assertThat(following.poll(10, TimeUnit.SECONDS)).isNotNull();
		mvc.perform(get("/api/builds/7/log?follow=false")).andExpect(request().asyncStarted());

		end.countDown();
		for (MvcResult stream : streams) {
			mvc.perform(asyncDispatch(stream)).andExpect(status().isOk());
		}
		// the places are given back when the logs end
		mvc.perform(get("/api/builds/7/log")).andExpect(request().asyncStarted());
	}

	@Test
	@DirtiesContext
	void followedLogsStopWaitingWhenTheServiceStops() throws Exception {
		BlockingQueue<BooleanSupplier> following = new LinkedBlockingQueue<>();
		doAnswer(call -> following.add(call.getArgument(3))).when(logs).copyTo(anyLong(), anyLong(), any(), any());
		when(queue.job(8)).thenReturn(BuildJobs.job(8, "httpd", "mips64le", BuildState.BUILDING, T0));
		mvc.perform(get("/api/builds/8/log")).andExpect(request().asyncStarted());
		BooleanSupplier growing = following.poll(10, TimeUnit.SECONDS);
		assertThat(growing.getAsBoolean()).isTrue();

		followers.stop();

		assertThat(growing.getAsBoolean()).isFalse();
	}

}
