package dev.recoup.waivers.domain;

/** A waiver forgives penalty, fees or interest; a settlement closes the debt for less and alone may forgive principal. */
public enum WaiverKind { WAIVER, SETTLEMENT }
