/**
 * The rules of the import format as plain Java: which columns each kind has, which are required,
 * how a cell is read (dates, amounts in yuan, rates, enums) and what makes an ID number, a phone
 * number or an e-mail address valid. No Spring, no SQL, no web: a row goes in, typed values or the
 * reasons it is rejected come out.
 */
@org.springframework.modulith.NamedInterface("domain")
package dev.recoup.portfolio.domain;
