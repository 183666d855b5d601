import { painPointRegisterCsv, stakeholderRegisterCsv } from '../../core/csv';
import type { analysisMethods } from '../../core/ipc/analysis';
import { engagementOf, peopleOf, registerOf, snapshotOf } from '../../core/views';
import { createNeed, deleteNeed, updateNeed } from '../../db/needs';
import { createObservation, deleteObservation, updateObservation } from '../../db/observations';
import { createOpportunity, deleteOpportunity, updateOpportunity } from '../../db/opportunities';
import { addPainPoint, deletePainPoints, updatePainPoint } from '../../db/painPoints';
import { createPerson, deletePerson, updatePerson } from '../../db/people';
import { loadRecords } from '../../db/records';
import { createSession, deleteSession, updateSession } from '../../db/sessions';
import { clearVote, revealVote, setDots, startVote } from '../../db/votes';
import { change, type HandlersFor } from './workspace';

function csvName(engagementName: string, register: string): string {
  const base = engagementName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'engagement';
  return `${base}-${register}.csv`;
}

export function analysisHandlers(): HandlersFor<keyof typeof analysisMethods> {
  return {
    'painPoint.add': (workspace, input) => {
      const result = workspace.requireStore().command('painPoint.add', 'Add pain point', (tx) => addPainPoint(tx, input));
      return { ...change(result), painPoint: result.value };
    },
    'painPoint.update': (workspace, input) => {
      const judging = ['waste', 'fourP', 'severity', 'frequency'].some((k) => k in input.patch);
      const label = judging ? 'Classify pain point' : 'Edit pain point';
      return change(workspace.requireStore().command('painPoint.update', label, (tx) => updatePainPoint(tx, input.id, input.patch)));
    },
    'painPoint.delete': (workspace, input) =>
      change(workspace.requireStore().command('painPoint.delete', 'Delete pain point', (tx) => deletePainPoints(tx, [input.id]))),

    'vote.start': (workspace, input) =>
      change(workspace.requireStore().command('vote.start', 'Start dot vote', (tx) => startVote(tx, input.sessionId, input.dotsPerPerson))),
    'vote.setDots': (workspace, input) => change(workspace.requireStore().command('vote.setDots', 'Place dots', (tx) => setDots(tx, input))),
    'vote.reveal': (workspace, input) =>
      change(
        workspace
          .requireStore()
          .command('vote.reveal', input.revealed ? 'Reveal ranking' : 'Hide ranking', (tx) => revealVote(tx, input.sessionId, input.revealed)),
      ),
    'vote.clear': (workspace, input) =>
      change(workspace.requireStore().command('vote.clear', 'Clear dot vote', (tx) => clearVote(tx, input.sessionId))),

    'opportunity.create': (workspace, input) => {
      const result = workspace.requireStore().command('opportunity.create', `Add opportunity “${input.title}”`, (tx) => createOpportunity(tx, input));
      return { ...change(result), opportunity: result.value };
    },
    'opportunity.update': (workspace, input) =>
      change(workspace.requireStore().command('opportunity.update', 'Edit opportunity', (tx) => updateOpportunity(tx, input.id, input.patch))),
    'opportunity.delete': (workspace, input) =>
      change(workspace.requireStore().command('opportunity.delete', 'Delete opportunity', (tx) => deleteOpportunity(tx, input.id))),

    'person.create': (workspace, input) => {
      const result = workspace.requireStore().command('person.create', `Add stakeholder “${input.name}”`, (tx) => createPerson(tx, input));
      return { ...change(result), person: result.value };
    },
    'person.update': (workspace, input) =>
      change(workspace.requireStore().command('person.update', 'Edit stakeholder', (tx) => updatePerson(tx, input.id, input.patch))),
    'person.delete': (workspace, input) =>
      change(workspace.requireStore().command('person.delete', 'Delete stakeholder', (tx) => deletePerson(tx, input.id))),

    'session.create': (workspace, input) => {
      const result = workspace.requireStore().command('session.create', `Add session “${input.name}”`, (tx) => createSession(tx, input));
      return { ...change(result), session: result.value };
    },
    'session.update': (workspace, input) =>
      change(workspace.requireStore().command('session.update', 'Edit session', (tx) => updateSession(tx, input.id, input.patch))),
    'session.delete': (workspace, input) =>
      change(workspace.requireStore().command('session.delete', 'Delete session', (tx) => deleteSession(tx, input.id))),

    'observation.create': (workspace, input) => {
      const result = workspace.requireStore().command('observation.create', 'Add observation', (tx) => createObservation(tx, input));
      return { ...change(result), observation: result.value };
    },
    'observation.update': (workspace, input) =>
      change(workspace.requireStore().command('observation.update', 'Edit observation', (tx) => updateObservation(tx, input.id, input.patch))),
    'observation.delete': (workspace, input) =>
      change(workspace.requireStore().command('observation.delete', 'Delete observation', (tx) => deleteObservation(tx, input.id))),

    'need.create': (workspace, input) => {
      const label = input.kind === 'training' ? 'Add training need' : 'Add communication need';
      const result = workspace.requireStore().command('need.create', label, (tx) => createNeed(tx, input));
      return { ...change(result), need: result.value };
    },
    'need.update': (workspace, input) =>
      change(workspace.requireStore().command('need.update', 'Edit need', (tx) => updateNeed(tx, input.id, input.patch))),
    'need.delete': (workspace, input) => change(workspace.requireStore().command('need.delete', 'Delete need', (tx) => deleteNeed(tx, input.id))),

    'export.csv': (workspace, input) => {
      const snapshot = snapshotOf(loadRecords(workspace.requireStore().db));
      const people = peopleOf(snapshot);
      const csv =
        input.register === 'painPoints'
          ? painPointRegisterCsv(registerOf(snapshot), { anonymise: input.anonymise, people })
          : stakeholderRegisterCsv(people, { anonymise: input.anonymise });
      const fileName = csvName(engagementOf(snapshot)?.name ?? '', input.register === 'painPoints' ? 'pain-points' : 'stakeholders');
      return { fileName, csv };
    },
  };
}
