package dev.rebaser.web.page;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.MockMvc;

/** A page as an anonymous visitor or as the operator sees it, which must answer 200. */
final class PageRequests {

	private PageRequests() {
	}

	static String anonymous(MockMvc mvc, String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	static String asOperator(MockMvc mvc, String url) throws Exception {
		return mvc.perform(get(url).with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
