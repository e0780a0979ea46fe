import { useRoute } from 'wouter';
import { GuideEditor } from './GuideEditor.tsx';
import { GuideListScreen } from './GuideListScreen.tsx';
import '../editor.css';

/** /admin/guides: the list of guides; /admin/guides/:id: one guide's editor. */
export function GuidesArea() {
  const [editing, params] = useRoute('/guides/:id');
  return editing ? <GuideEditor key={params.id} guideId={params.id} /> : <GuideListScreen />;
}
