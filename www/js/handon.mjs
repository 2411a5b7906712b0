// @ts-check
// Handing the guidance on: plain text for pasting into a referral form, and the case as a file.
// The text carries the practitioner's own notes, which the engine never sees.

import { contactText, findingText, longDate, sourceText, urgencyText } from './dom.mjs';
import { questionText } from './guidance.mjs';

/**
 * The guidance and what it rests on, as plain text.
 *
 * @param {any} assessment  with or without the trace
 * @param {import('./draft.mjs').Draft} draft
 */
export function caseText(assessment, draft) {
  const lines = [];
  const section = (title, items) => {
    if (items.length === 0) return;
    lines.push('', title.toUpperCase(), ...items);
  };
  const level = assessment.level;
  lines.push(`Waymark guidance as at ${longDate(assessment.asOf)}`);
  if (assessment.immediateDanger) lines.push('', 'EMERGENCY: CALL 999 NOW.');
  lines.push('', `Level of need: ${level.name}`, level.meaning, level.response);
  const judgement = assessment.judgement;
  if (judgement) {
    const effect = { raised: 'higher than the rules; the guidance follows it', agrees: 'the same as the rules', lower: 'lower than the rules; to be discussed with the safeguarding lead' }[judgement.effect];
    lines.push(`Practitioner's view: ${judgement.level.name} (${effect}). Reason: ${judgement.reason}`);
  }

  const age = assessment.childAge;
  section('What was recorded', [
    age ? `- Child's age: ${ageText(age)}` : "- Child's age: not given",
    ...assessment.answered.map((finding) => `- ${findingText(finding)}`),
    draft.notes.livesWith.trim() && `- Lives with (practitioner's note): ${draft.notes.livesWith.trim()}`,
  ].filter(Boolean));
  section(
    'What to do',
    assessment.actions.map((action) => `- ${urgencyText(action.urgency)}: ${action.text} (by ${longDate(action.dueBy)})`),
  );
  section(
    'Who to tell',
    assessment.referrals.flatMap((referral) => [
      `- ${referral.name}: ${urgencyText(referral.urgency).toLowerCase()}, by ${longDate(referral.dueBy)}. ${referral.when}`,
      ...referral.contacts.map((contact) => `  Contact: ${contactText(contact)}`),
      `  Who can refer: ${referral.whoMaySubmit}`,
      `  Consent and sharing information: ${referral.consent}`,
    ]),
  );
  if (assessment.escalation) {
    section('If still worried: escalate', [
      assessment.escalation.why.map((why) => why.reason).join(' '),
      ...assessment.escalation.stages.map(
        (stage, i) => `${i + 1}. ${stage.name}: ${stage.who}. ${stage.what} ${urgencyText(stage.timescale)}${stage.timescaleIsDefault ? ' (a default: check the local procedure)' : ''}.`,
      ),
    ]);
  }
  section('Worth finding out', assessment.questions.map((question) => `- ${questionText(question)}`));
  section('Think about', assessment.prompts.map((prompt) => `- ${prompt.text}`));
  section(
    'Why',
    assessment.reasons.flatMap((reason) => [
      `- ${reason.reason}${reason.level ? ` (at least ${reason.level.name})` : ''}`,
      reason.evidence.length > 0 ? `  Because: ${reason.evidence.map(findingText).join('; ')}` : null,
      reason.sources.length > 0 ? `  Source: ${reason.sources.map(sourceText).join('; ')}` : null,
    ]).filter(Boolean),
  );
  if (draft.notes.notes.trim()) section("Practitioner's notes", [draft.notes.notes.trim()]);
  const ruleset = assessment.ruleset;
  lines.push(
    '',
    `Ruleset: ${ruleset.title}, version ${ruleset.version}, due for review ${longDate(ruleset.reviewDate)}${assessment.profile ? `; local details: ${assessment.profile.organisation}` : ''}.`,
    `Fingerprint: ruleset ${ruleset.id} ${ruleset.hash}, engine ${assessment.engineVersion}.`,
    assessment.notice,
  );
  return `${lines.join('\n')}\n`;
}

/** @param {{ from: number, to: number }} age */
function ageText(age) {
  if (age.to < 0) return 'not born yet';
  if (age.to - age.from === 11 && age.from % 12 === 0) return `${age.from / 12} years`;
  return age.from >= 24 ? `${Math.floor(age.from / 12)} years (${age.from} months)` : `${age.from} months`;
}

/**
 * Copies text to the clipboard. Resolves false when the browser will not allow it (an
 * intranet page not served over HTTPS, for example), so the page can show the text instead.
 *
 * @param {string} text
 */
export async function copyToClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves text as a file where the practitioner chooses. Nothing is uploaded: the file is made
 * in the page.
 *
 * @param {string} text
 * @param {string} name
 */
export function download(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const $link = document.createElement('a');
  $link.href = url;
  $link.download = name;
  document.body.append($link);
  $link.click();
  $link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
