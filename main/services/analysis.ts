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
import { msg } from '../../core/messages';
import { change, type HandlersFor } from './workspace';

function csvName(engagementName: string, register: string): string {
  const base = engagementName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'engagement';
  return `${base}-${register}.csv`;
}

export function analysisHandlers(): HandlersFor<keyof typeof analysisMethods> {
  return {
    'painPoint.add': (workspace, input) => {
      const result = workspace.requireStore().command('painPoint.add', msg('undo.painPoint.add'), (tx) => addPainPoint(tx, input));
      return { ...change(result), painPoint: result.value };
    },
    'painPoint.update': (workspace, input) => {
      const judging = ['waste', 'fourP', 'severity', 'frequency'].some((k) => k in input.patch);
      const label = msg(judging ? 'undo.painPoint.classify' : 'undo.painPoint.edit');
      return change(workspace.requireStore().command('painPoint.update', label, (tx) => updatePainPoint(tx, input.id, input.patch)));
    },
    'painPoint.delete': (workspace, input) =>
      change(workspace.requireStore().command('painPoint.delete', msg('undo.painPoint.delete'), (tx) => deletePainPoints(tx, [input.id]))),

    'vote.start': (workspace, input) =>
      change(workspace.requireStore().command('vote.start', msg('undo.vote.start'), (tx) => startVote(tx, input.sessionId, input.dotsPerPerson))),
    'vote.setDots': (workspace, input) => change(workspace.requireStore().command('vote.setDots', msg('undo.vote.place'), (tx) => setDots(tx, input))),
    'vote.reveal': (workspace, input) =>
      change(
        workspace
          .requireStore()
          .command('vote.reveal', msg(input.revealed ? 'undo.vote.reveal' : 'undo.vote.hide'), (tx) => revealVote(tx, input.sessionId, input.revealed)),
      ),
    'vote.clear': (workspace, input) =>
      change(workspace.requireStore().command('vote.clear', msg('undo.vote.clear'), (tx) => clearVote(tx, input.sessionId))),

    'opportunity.create': (workspace, input) => {
      const result = workspace.requireStore().command('opportunity.create', msg('undo.opportunity.add', { title: input.title }), (tx) => createOpportunity(tx, input));
      return { ...change(result), opportunity: result.value };
    },
    'opportunity.update': (workspace, input) =>
      change(workspace.requireStore().command('opportunity.update', msg('undo.opportunity.edit'), (tx) => updateOpportunity(tx, input.id, input.patch))),
    'opportunity.delete': (workspace, input) =>
      change(workspace.requireStore().command('opportunity.delete', msg('undo.opportunity.delete'), (tx) => deleteOpportunity(tx, input.id))),

    'person.create': (workspace, input) => {
      const result = workspace.requireStore().command('person.create', msg('undo.person.add', { name: input.name }), (tx) => createPerson(tx, input));
      return { ...change(result), person: result.value };
    },
    'person.update': (workspace, input) =>
      change(workspace.requireStore().command('person.update', msg('undo.person.edit'), (tx) => updatePerson(tx, input.id, input.patch))),
    'person.delete': (workspace, input) =>
      change(workspace.requireStore().command('person.delete', msg('undo.person.delete'), (tx) => deletePerson(tx, input.id))),

    'session.create': (workspace, input) => {
      const result = workspace.requireStore().command('session.create', msg('undo.session.add', { name: input.name }), (tx) => createSession(tx, input));
      return { ...change(result), session: result.value };
    },
    'session.update': (workspace, input) =>
      change(workspace.requireStore().command('session.update', msg('undo.session.edit'), (tx) => updateSession(tx, input.id, input.patch))),
    'session.delete': (workspace, input) =>
      change(workspace.requireStore().command('session.delete', msg('undo.session.delete'), (tx) => deleteSession(tx, input.id))),

    'observation.create': (workspace, input) => {
      const result = workspace.requireStore().command('observation.create', msg('undo.observation.add'), (tx) => createObservation(tx, input));
      return { ...change(result), observation: result.value };
    },
    'observation.update': (workspace, input) =>
      change(workspace.requireStore().command('observation.update', msg('undo.observation.edit'), (tx) => updateObservation(tx, input.id, input.patch))),
    'observation.delete': (workspace, input) =>
      change(workspace.requireStore().command('observation.delete', msg('undo.observation.delete'), (tx) => deleteObservation(tx, input.id))),

    'need.create': (workspace, input) => {
      const label = msg(input.kind === 'training' ? 'undo.need.addTraining' : 'undo.need.addCommunication');
      const result = workspace.requireStore().command('need.create', label, (tx) => createNeed(tx, input));
      return { ...change(result), need: result.value };
    },
    'need.update': (workspace, input) =>
      change(workspace.requireStore().command('need.update', msg('undo.need.edit'), (tx) => updateNeed(tx, input.id, input.patch))),
    'need.delete': (workspace, input) => change(workspace.requireStore().command('need.delete', msg('undo.need.delete'), (tx) => deleteNeed(tx, input.id))),

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
