// Markup pieces the runtime shows (results, assessment bar, …) live as <template> elements in
// templates/shell.html; the runtime clones them and fills their [data-slot] elements.

export function cloneTemplate(doc: Document, id: string): DocumentFragment {
  const template = doc.getElementById(id);
  if (!(template instanceof HTMLTemplateElement)) throw new Error(`scormdown: <template id="${id}"> is missing from the shell`);
  return template.content.cloneNode(true) as DocumentFragment;
}

/** Set the text of each [data-slot=name]; a null value removes the slot element. */
export function fillSlots(root: ParentNode, values: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(values)) {
    for (const slot of Array.from(root.querySelectorAll<HTMLElement>(`[data-slot="${name}"]`))) {
      if (value === null) slot.remove();
      else slot.textContent = value;
    }
  }
}
