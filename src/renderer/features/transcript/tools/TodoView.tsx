// A todo list written by the agent: each item with its status.
import { revealInvisible } from '../../../../shared/reveal-invisible';

const MARKS: Record<string, string> = {
  completed: '✓',
  done: '✓',
  in_progress: '◐',
  active: '◐',
  pending: '○',
};

/** The items of a todo call; `section` names the list for find (one item per line). */
export function TodoView({ todos, section }: { todos: { text: string; status: string }[]; section: string }) {
  return (
    <ul
      className="todo-list tool-section"
      data-testid="todo-list"
      data-section={section}
      data-section-kind="lines"
    >
      {todos.map((todo, i) => (
        <li key={i} className={`todo todo-${todo.status.replace(/[^a-z_]/gi, '') || 'none'}`}>
          <span className="todo-mark" data-find-skip="" title={revealInvisible(todo.status)}>
            {MARKS[todo.status] ?? '•'}
          </span>
          <span className="todo-text">{todo.text}</span>
          {'\n'}
        </li>
      ))}
    </ul>
  );
}
