"""Illustrations for the demo content, drawn by the project with Pillow (no outside images).

Each image is a simple abstract scene (sun, hills, figures) in a campaign's own
colours, so the demo looks like a real site without borrowing anyone's work.
The drawings are the project's own and carry its licence.
"""

import hashlib
import io
import random

from PIL import Image, ImageDraw

PALETTES = [
    ((11, 90, 138), (126, 190, 226), (255, 191, 71), (29, 107, 52)),
    ((120, 40, 30), (240, 170, 120), (255, 230, 150), (60, 110, 60)),
    ((25, 70, 60), (150, 210, 190), (250, 210, 90), (40, 90, 140)),
    ((60, 40, 110), (190, 170, 230), (255, 200, 80), (30, 100, 90)),
]


def draw_scene(seed, size=(1200, 675)):
    """A deterministic illustration for ``seed``: the same seed always gives the same picture."""
    rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest()[:12], 16))
    dark, sky, sun, land = PALETTES[rng.randrange(len(PALETTES))]
    width, height = size
    image = Image.new("RGB", size, sky)
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):  # sky gradient
        t = y / (height / 2)
        colour = tuple(int(sky[i] * (1 - t) + 255 * t * 0.6 + sky[i] * t * 0.4) for i in range(3))
        draw.line([(0, y), (width, y)], fill=colour)
    cx, cy, r = rng.randint(width // 5, 4 * width // 5), rng.randint(height // 8, height // 3), rng.randint(50, 90)
    draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=sun)
    for layer in range(3):  # rolling hills
        base = height // 2 + layer * height // 8
        colour = tuple(max(0, c - 25 * layer) for c in land)
        points = [(0, height)]
        for x in range(0, width + 100, 100):
            points.append((x, base + rng.randint(-40, 40)))
        points.append((width, height))
        draw.polygon(points, fill=colour)
    for _ in range(rng.randint(3, 6)):  # people standing together
        x = rng.randint(80, width - 80)
        y = rng.randint(int(height * 0.7), int(height * 0.85))
        draw.ellipse([x - 14, y - 70, x + 14, y - 42], fill=dark)
        draw.rounded_rectangle([x - 20, y - 40, x + 20, y + 30], radius=12, fill=dark)
    return image


def scene_file(seed, size=(1200, 675)):
    """The illustration as JPEG bytes in a file-like object, for a Wagtail image."""
    buffer = io.BytesIO()
    draw_scene(seed, size).save(buffer, format="JPEG", quality=82, optimize=True)
    buffer.seek(0)
    return buffer
