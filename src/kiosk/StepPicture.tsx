import { useStepImageUrl } from './image-source.tsx';

/**
 * A step's picture, from the tablet's own database (or wherever an
 * ImageSource says). Width and height come from the guide, so the text does
 * not jump when the picture appears.
 */
export function StepPicture({
  image,
  alt,
}: {
  image: { id: string; width: number; height: number };
  alt: string;
}) {
  const url = useStepImageUrl(image.id);
  return (
    <figure className="step-picture">
      {url ? (
        <img src={url} width={image.width} height={image.height} alt={alt} />
      ) : (
        <div
          className="step-picture-placeholder"
          style={{ aspectRatio: `${image.width} / ${image.height}` }}
        />
      )}
    </figure>
  );
}
