"""A photograph-like test image, drawn with Pillow.

The demo illustrations are flat drawings that compress to a few kilobytes, so they say nothing about
what a real hero photo costs. This draws fractal ("1/f") noise in colour over a sky-and-ground
gradient: like a photograph, it has detail at every scale, so it compresses about as badly as one
(a 2400×1600 JPEG at quality 90 is over a megabyte, as a phone photo is).
"""

import io
import random

from PIL import Image, ImageChops, ImageFilter, ImageOps


def fractal_noise(width, height, rng):
    """Greyscale noise with about the same strength at every scale, from the whole picture down to a few
    pixels, as in photographs (whose amplitude spectrum falls as 1/f: equal energy per octave)."""
    result = None
    cells, octave = 4, 0
    while cells <= width // 2:
        small = Image.effect_noise((cells, max(2, cells * height // width)), 60 + rng.randint(0, 30))
        layer = small.resize((width, height), Image.Resampling.BICUBIC)
        octave += 1
        result = layer if result is None else Image.blend(result, layer, 1 / octave)
        cells *= 2
    return ImageOps.autocontrast(result, cutoff=1)


def photo_like_jpeg(width=2400, height=1600, seed=8, quality=90):
    rng = random.Random(seed)
    sky = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    sky = ImageChops.multiply(sky, Image.new("RGB", (width, height), (120, 170, 230)))
    channels = [fractal_noise(width, height, rng) for _ in range(3)]
    texture = Image.merge("RGB", channels)
    photo = Image.blend(sky, texture, 0.55).filter(ImageFilter.DETAIL)
    grain = Image.effect_noise((width, height), 12).convert("RGB")
    photo = ImageChops.add(photo, grain, scale=1.0, offset=-8)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()
