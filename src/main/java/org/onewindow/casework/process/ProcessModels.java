package org.onewindow.casework.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.validation.ValidationError;
import org.onewindow.identity.StaffMember;
import org.onewindow.shared.RuleViolationException;
import org.onewindow.shared.RuleViolationException.Violation;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The BPMN models applications run on: the ones shipped with the platform, deployed at start, and
 * new versions administrators deploy at run time, each checked before anything is deployed.
 */
@Service
public class ProcessModels {

    public static final String STANDARD = "ow-standard";
    private static final String BUILT_IN = "classpath*:processes/*.bpmn20.xml";
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");
    static final Duration LATEST_VERSION_VALID = Duration.ofSeconds(10);

    private final RepositoryService repository;
    private final BeanFactory beans;
    /**
     * The newest version of each process as looked up in the last few seconds: every submission
     * starts a process, and Flowable would ask the database for the newest version each time. A
     * deployment here forgets it at once; one made on another node is picked up within
     * {@link #LATEST_VERSION_VALID}.
     */
    private final Map<String, LatestVersion> latestVersions = new ConcurrentHashMap<>();

    private record LatestVersion(String definitionId, long lookedUpAt) {
    }

    ProcessModels(RepositoryService repository, BeanFactory beans) throws IOException {
        this.repository = repository;
        this.beans = beans;
        deployBuiltIn();
    }

    /**
     * The processes shipped with the platform. Duplicate filtering makes a restart with unchanged
     * files deploy nothing, and the resource names are the same from a jar and from classes.
     */
    private void deployBuiltIn() throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(BUILT_IN)) {
            try (InputStream in = resource.getInputStream()) {
                repository.createDeployment().name("onewindow:" + resource.getFilename())
                        .addBytes(resource.getFilename(), in.readAllBytes()).enableDuplicateFiltering().deploy();
            }
        }
    }

    /**
     * Deploys a new version of a process at run time. The model is parsed against the BPMN schema
     * and validated first, so that a broken model is refused with its line and problem and
     * nothing is deployed. Applications already running keep the version they started on.
     */
    public ProcessModel deploy(byte[] xml, StaffMember administrator) {
        administrator.requireProvinceAdministrator("the processes");
        BpmnModel model;
        try {
            model = new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), true, true, "UTF-8");
        } catch (XMLException notBpmn) {
            throw new RuleViolationException(UnreadableModel.explained(notBpmn));
        }
        List<Violation> problems = problemsOf(model);
        if (!problems.isEmpty()) {
            throw new RuleViolationException(problems);
        }
        String key = model.getMainProcess().getId();
        // the suffix makes Flowable parse the resource; without it the deployment would hold no process
        Deployment deployment = repository.createDeployment().name("runtime:" + key + ":" + administrator.username())
                .addBytes(key + ".bpmn20.xml", xml).deploy();
        latestVersions.remove(key);
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
        return model(definition, deployment);
    }

    private List<Violation> problemsOf(BpmnModel model) {
        List<Violation> problems = new ArrayList<>();
        for (ValidationError error : repository.validateProcess(model)) {
            if (!error.isWarning()) {
                problems.add(Violation.of("model", "process.invalid", error.getDefaultDescription(),
                        Objects.toString(error.getActivityId(), "-"), error.getXmlLineNumber()));
            }
        }
        if (model.getMainProcess() == null) {
            problems.add(Violation.of("model", "process.not-executable"));
            return problems;
        }
        // Flowable resolves ${bean} only when an application reaches the step; a misspelt name
        // would fail every application there, so it is refused now
        for (ServiceTask task : model.getMainProcess().findFlowElementsOfType(ServiceTask.class)) {
            String expression = task.getImplementation();
            Matcher bean = BEAN_REFERENCE.matcher(expression == null ? "" : expression);
            if (ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION.equals(task.getImplementationType()) && bean.matches()
                    && !beans.containsBean(bean.group(1))) {
                problems.add(Violation.of("model", "process.unknown-bean", bean.group(1), task.getId(), task.getXmlRowNumber()));
            }
        }
        return problems;
    }

    public List<ProcessModel> latestModels() {
        List<ProcessModel> models = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()) {
            models.add(model(definition, repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult()));
        }
        return models;
    }

    public boolean isDeployed(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }

    String latestDefinitionId(String processKey) {
        long now = System.nanoTime();
        LatestVersion known = latestVersions.get(processKey);
        if (known != null && now - known.lookedUpAt() < LATEST_VERSION_VALID.toNanos()) {
            return known.definitionId();
        }
        ProcessDefinition newest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
        if (newest == null) {
            throw new IllegalStateException("no process is deployed with the key " + processKey);
        }
        latestVersions.put(processKey, new LatestVersion(newest.getId(), now));
        return newest.getId();
    }

    private static ProcessModel model(ProcessDefinition definition, Deployment deployment) {
        return new ProcessModel(definition.getKey(), definition.getName(), definition.getVersion(), definition.getDeploymentId(),
                deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant());
    }
}
