/** The rules of promises and plans in plain Java: when a promise is kept, how a plan's schedule is cut, its limits and affordability. */
package dev.recoup.agreements.domain;
