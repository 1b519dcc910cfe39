/** A row's Delete button; `label` names what it deletes, for screen readers and tests. */
export function DeleteButton({ label, disabled, onDelete }: { label: string; disabled: boolean; onDelete(): void }) {
  return (
    <button
      type="button"
      className="button-small button-danger"
      disabled={disabled}
      aria-label={label}
      onClick={onDelete}
    >
      Delete
    </button>
  );
}
