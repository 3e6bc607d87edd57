package org.onewindow.catalog;

/** Where a material comes from: the applicant, an electronic certificate the platform already holds, or another department through data sharing. The last two mean the person brings nothing (data runs instead of people). */
public enum MaterialSource {
    APPLICANT, CERTIFICATE, DEPARTMENT
}
