package dev.recoup.access;

/** Who is asking: the logged-in user of the page session, HTTP basic or API token of this request. */
public interface Viewers {

    /** The current request's viewer; ForbiddenException when there is no logged-in user. */
    Viewer current();
}
