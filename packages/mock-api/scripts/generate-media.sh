#!/usr/bin/env bash
# Regenerates the clips, thumbnails and spritesheets the mock serves (packages/mock-api/media/).
# Run by hand, never in CI: `bash packages/mock-api/scripts/generate-media.sh` (needs Debian's ffmpeg,
# built with libx264, libwebp and drawtext). The outputs are committed.
#
# One clip per orientation (portrait 720x1280 and landscape 1280x720, scaled down 10x) and length
# (4, 8, 12 s): a moving test pattern labelled with its size and length, H.264 constrained baseline,
# faststart, no audio, so every browser plays it and the files stay small.
set -euo pipefail

out="$(cd "$(dirname "$0")/.." && pwd)/media"
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
fps=12
mkdir -p "$out"

for orientation in portrait landscape; do
  if [ "$orientation" = portrait ]; then w=72 h=128 label=720x1280; else w=128 h=72 label=1280x720; fi
  for seconds in 4 8 12; do
    name="$orientation-${seconds}s"
    text="drawtext=fontfile=$font:fontsize=11:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=2"
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=${w}x${h}:rate=$fps:duration=$seconds" \
      -vf "$text:text='$label':x=(w-tw)/2:y=4,$text:text='%{eif\:t+1\:d}/${seconds}s':x=(w-tw)/2:y=h-th-6" \
      -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryslow -crf 34 \
      -g $((fps * 2)) -an -movflags +faststart -map_metadata -1 -fflags +bitexact \
      -flags:v +bitexact "$out/$name.mp4"
    # Thumbnail: the frame at a third of the clip, at the clip's size.
    ffmpeg -v error -y -ss "$(echo "$seconds / 3" | bc -l)" -i "$out/$name.mp4" -frames:v 1 \
      -c:v libwebp -quality 70 -map_metadata -1 "$out/$name-thumbnail.webp"
    # Spritesheet: 8 frames spread over the clip, half size, in a 4x2 grid.
    ffmpeg -v error -y -i "$out/$name.mp4" \
      -vf "fps=8/$seconds,scale=$((w / 2)):$((h / 2)),tile=4x2" -frames:v 1 \
      -c:v libwebp -quality 70 -map_metadata -1 "$out/$name-spritesheet.webp"
  done
done
ls -l "$out"
