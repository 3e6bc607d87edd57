package org.onewindow.casework;

/** How an application reached the office: the person online, a clerk at a service window, or a proxy acting for them. */
public enum SubmissionChannel {
    ONLINE, WINDOW, PROXY
}
