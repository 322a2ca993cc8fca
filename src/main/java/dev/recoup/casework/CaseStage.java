package dev.recoup.casework;

/** The case flow of R8 (seed 002), in order. Rules move cases forward only; people may move them anywhere with a reason. */
public enum CaseStage {
    INTAKE, CLASSIFIED, ASSIGNED, FIRST_CONTACT, NEGOTIATION, LEGAL, ASSET_REALISATION, CLOSED, ARCHIVED
}
