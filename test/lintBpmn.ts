import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver.js';

/**
 * bpmnlint with `bpmnlint:recommended`, the rules Camunda Modeler applies, run as its CLI runs them:
 * the file read by bpmn-moddle, then every rule over the tree. Returns one line per report.
 */
export async function lintBpmn(xml: string): Promise<string[]> {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(xml);
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
  const results = await linter.lint(rootElement);
  const out = warnings.map((w) => `moddle: ${w.message}`);
  for (const [rule, reports] of Object.entries(results)) for (const r of reports) out.push(`${r.category} ${rule} ${r.id ?? ''}: ${r.message}`);
  return out;
}
