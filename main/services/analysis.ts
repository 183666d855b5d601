import type Database from 'better-sqlite3';
import { painPointRegisterCsv, stakeholderRegisterCsv } from '../../core/csv';
import type { AnalysisView, analysisMethods } from '../../core/ipc/analysis';
import { processMetrics } from '../../core/metrics';
import type { Lane, ProcessView } from '../../core/model';
import { buildRegister } from '../../core/register';
import { getEngagement, listPeople } from '../../db/engagement';
import { listNeeds, createNeed, deleteNeed, updateNeed } from '../../db/needs';
import { createObservation, deleteObservation, listObservations, updateObservation } from '../../db/observations';
import { createOpportunity, deleteOpportunity, listOpportunities, updateOpportunity } from '../../db/opportunities';
import { addPainPoint, deletePainPoints, updatePainPoint } from '../../db/painPoints';
import { createPerson, deletePerson, updatePerson } from '../../db/people';
import { getProcessView, listProcessSummaries } from '../../db/processes';
import { createSession, deleteSession, updateSession } from '../../db/sessions';
import { clearVote, listVoteRounds, listVotes, revealVote, setDots, startVote } from '../../db/votes';
import { change, type HandlersFor } from './workspace';

function allProcessViews(db: Database.Database): ProcessView[] {
  return listProcessSummaries(db).map((p) => getProcessView(db, p.id));
}

/** The register rows for every process, with votes from every session. */
export function painPointRegister(db: Database.Database, views: readonly ProcessView[] = allProcessViews(db)) {
  return buildRegister({
    processes: views.map((v) => v.process),
    lanes: views.flatMap((v) => v.lanes),
    steps: views.flatMap((v) => v.steps),
    flows: views.flatMap((v) => v.flows),
    painPoints: views.flatMap((v) => v.painPoints),
    votes: listVotes(db),
    people: listPeople(db),
  });
}

export function analysisView(db: Database.Database): AnalysisView {
  const views = allProcessViews(db);
  const votes = listVotes(db);
  return {
    register: painPointRegister(db, views),
    votes,
    voteRounds: listVoteRounds(db),
    opportunities: listOpportunities(db),
    observations: listObservations(db),
    needs: listNeeds(db),
    lanes: views.flatMap((v): Lane[] => v.lanes),
    steps: views.flatMap((v) => v.steps.map((s) => ({ id: s.id, processId: s.processId, text: s.text, kind: s.kind }))),
    metrics: views.map((v) => processMetrics(v, votes)),
  };
}

function csvName(engagementName: string, register: string): string {
  const base = engagementName.replace(/[^\p{L}\p{N} _-]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'engagement';
  return `${base}-${register}.csv`;
}

export function analysisHandlers(): HandlersFor<keyof typeof analysisMethods> {
  return {
    'analysis.get': (workspace) => analysisView(workspace.requireStore().db),

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
      const { db } = workspace.requireStore();
      const people = listPeople(db);
      const csv =
        input.register === 'painPoints'
          ? painPointRegisterCsv(painPointRegister(db), { anonymise: input.anonymise, people })
          : stakeholderRegisterCsv(people, { anonymise: input.anonymise });
      const fileName = csvName(getEngagement(db).name, input.register === 'painPoints' ? 'pain-points' : 'stakeholders');
      return { fileName, csv };
    },
  };
}
