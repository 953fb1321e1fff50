// "Join a class": the code a student types, checked for shape before going to the class's page.
import { openDialog } from '../dom/dialog.js';
import { button, el } from '../dom/el.js';
import { alertNow } from '../dom/live.js';
import './classroom.css';
import { normaliseCode } from './route.js';

/** Opens the "Join a class" form over the title. */
export function openJoinClass(): void {
  const d = openDialog({ title: 'Join a class', className: 'classroom' });
  d.element.id = 'join-class';
  const input = el('input', {
    id: 'join-code-input',
    type: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 16,
    'aria-describedby': 'join-code-hint',
  });
  const problem = el('p', { class: 'problem', id: 'join-problem', role: 'alert', hidden: true });
  const go = () => {
    const code = normaliseCode(input.value);
    if (!code) {
      problem.textContent = 'A class code is 4 to 12 letters and digits, as the instructor shows it.';
      problem.hidden = false;
      alertNow(problem.textContent);
      return;
    }
    window.location.assign(`/?join=${code}`);
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });
  d.body.append(
    el(
      'div',
      { class: 'form-row' },
      el('label', { for: input.id, text: 'Class code' }),
      input,
      el('small', { id: 'join-code-hint', text: 'The code on the projector or from your instructor.' }),
    ),
    problem,
    el('div', { class: 'dialog-actions' }, button('Join', go, { id: 'join-go', class: 'primary' })),
  );
  input.focus();
}
