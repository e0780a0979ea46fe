import { createContext, useContext, type ReactNode } from 'react';
import { useImageUrl } from '../browser/local-db/content-hooks.ts';

/**
 * Where step pictures and recordings come from. On a tablet (the default)
 * they come from its own database, so guides work offline; the admin area's
 * preview provides the server's URLs instead, for media no tablet has yet.
 */
export type ServerImageUrl = (imageId: string) => string;

const ImageSourceContext = createContext<ServerImageUrl | null>(null);

/** Shows the pictures inside it from the server, e.g. `/api/images/<id>`. */
export function ImageSource({
  serverUrl,
  children,
}: {
  serverUrl: ServerImageUrl;
  children: ReactNode;
}) {
  return <ImageSourceContext value={serverUrl}>{children}</ImageSourceContext>;
}

/**
 * A URL for a step's media: its picture or its read-aloud recording, which
 * are stored and synced alike. Undefined while loading, if the tablet lacks
 * it, or when there is no id.
 */
export function useStepMediaUrl(mediaId: string | undefined): string | undefined {
  const serverUrl = useContext(ImageSourceContext);
  // Always called (hooks keep their order); with no id it reads nothing from the tablet.
  const tabletUrl = useImageUrl(serverUrl ? undefined : mediaId);
  if (mediaId === undefined) return undefined;
  return serverUrl ? serverUrl(mediaId) : tabletUrl;
}

/** A URL for a step's picture; undefined while loading or if the tablet lacks it. */
export function useStepImageUrl(imageId: string): string | undefined {
  return useStepMediaUrl(imageId);
}
