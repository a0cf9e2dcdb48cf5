/** The first stop of the tab order on every page: straight to its content (RGAA 12.7). */
export function SkipLink() {
  return (
    <a href="#contenu" className="skip-link">
      Aller au contenu
    </a>
  );
}
