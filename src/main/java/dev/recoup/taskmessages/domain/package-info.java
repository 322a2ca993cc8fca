/** What a task's message says about the debt, as display text: plain Java (the case page's SMS uses it too). */
@org.springframework.modulith.NamedInterface("domain")
package dev.recoup.taskmessages.domain;
