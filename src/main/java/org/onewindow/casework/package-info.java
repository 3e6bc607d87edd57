/**
 * Applications for service items, from submission to closure: every channel (online, at a
 * window, by a proxy, a whole life event at once), the documents handed in, the BPMN process each
 * application runs on, instant approval by DMN decision tables, the office's steps and task list,
 * time limits in working days and their supervision, good/bad ratings, and telling people.
 *
 * <p>The base package is the module's API: the facade {@link org.onewindow.casework.CaseworkService},
 * the view records ({@link org.onewindow.casework.ApplicationView} and the others) and the events
 * {@link org.onewindow.casework.ApplicationSubmitted}, {@link org.onewindow.casework.ApplicationDecided},
 * {@link org.onewindow.casework.ApplicationClosed}, {@link org.onewindow.casework.ServiceRated} and
 * {@link org.onewindow.casework.ApplicationStepTaken}. Each capability is a nested module of its
 * own: {@code application}, {@code office}, {@code process}, {@code decision}, {@code timelimits},
 * {@code ratings} and {@code notifications}. The packages {@code model} (the application aggregate
 * and its rules), {@code casefile} (its store: find, store, announce and show a case),
 * {@code calendar} (the working calendar in force) and {@code pages} (how casework pages speak)
 * are internal to casework and shared by its capabilities.
 */
package org.onewindow.casework;
