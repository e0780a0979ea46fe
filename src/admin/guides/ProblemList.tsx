/** A list of problems the server (or the draft check) found, in the words it used. */
export function ProblemList({ problems, id }: { problems: readonly string[]; id?: string }) {
  // The server and the shared checks write English: mark it so screen readers read it right.
  return (
    <ul className="editor-problem-list" id={id} lang="en">
      {problems.map((problem, index) => (
        <li key={index}>{problem}</li>
      ))}
    </ul>
  );
}
