/**
 * The BPMN side: the process models (built-in and deployed at run time, validated first), the
 * running process of each application on the embedded Flowable engine, the office's user tasks,
 * and which process and decision table each item follows.
 */
@ApplicationModule(displayName = "Casework :: Processes")
package org.onewindow.casework.process;

import org.springframework.modulith.ApplicationModule;
