"""Draw phone system bars onto screenshots, for the crop tests and the own-screenshots e2e test.

The bars follow the sizes and layouts `flutter_rl.curate.system_bars` documents (Android: a 24 dp
status bar with the clock at the left and signal / battery at the right, a 48 dp three-button bar or a
gesture bar with a centred handle; iOS: a 47 pt status bar, a 34 pt home-indicator area with its pill
8 pt above the bottom). `scale` is pixels per dp / pt (2.625 for a 1080-pixel-wide 411 dp phone).
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFont

Color = tuple[int, int, int]


def _font(size: float) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    return ImageFont.load_default(size=max(6, round(size)))


def status_bar(
    width: int,
    scale: float,
    style: str = "android",
    background: Color = (32, 33, 36),
    foreground: Color = (255, 255, 255),
    icon_dp: float = 12,
) -> Image.Image:
    """An Android (24 dp) or iOS (47 pt) status bar: clock at the left, signal and battery (`icon_dp`
    tall) at the right."""
    height = round((24 if style == "android" else 47) * scale)
    bar = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(bar)
    text_size = (14 if style == "android" else 16) * scale
    left = (16 if style == "android" else 32) * scale
    draw.text((left, height / 2), "12:30", fill=foreground, font=_font(text_size), anchor="lm")
    icon = icon_dp * scale
    right = width - (16 if style == "android" else 28) * scale
    top = height / 2 - icon / 2
    draw.rectangle(
        [right - 2 * icon, top + icon * 0.2, right, top + icon * 0.8], outline=foreground, width=max(1, round(scale))
    )
    draw.polygon(
        [(right - 4.5 * icon, top + icon), (right - 3 * icon, top + icon), (right - 3 * icon, top)], fill=foreground
    )
    return bar


def navigation_bar(
    width: int, scale: float, style: str = "buttons", background: Color = (0, 0, 0), foreground: Color = (230, 230, 230)
) -> Image.Image:
    """Android's 48 dp three-button bar, Android 9's 48 dp two-button bar (a back chevron left of a
    centred 28 x 10 dp pill, as in Android 9 screenshots), its ~24 dp gesture bar, or iOS's 34 pt
    home-indicator area."""
    height = round({"buttons": 48, "two_button": 48, "gesture": 24, "home": 34}[style] * scale)
    bar = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(bar)
    if style == "two_button":
        middle, chevron = height / 2, 12 * scale
        back = width * 0.22
        draw.line(
            [
                (back + chevron / 3, middle - chevron / 2),
                (back - chevron / 3, middle),
                (back + chevron / 3, middle + chevron / 2),
            ],
            fill=foreground,
            width=max(1, round(2 * scale)),
        )
        pill_width, pill_height = 28 * scale, 10 * scale
        draw.rounded_rectangle(
            [
                width / 2 - pill_width / 2,
                middle - pill_height / 2,
                width / 2 + pill_width / 2,
                middle + pill_height / 2,
            ],
            radius=pill_height / 2,
            fill=foreground,
        )
        return bar
    if style == "buttons":
        glyph, middle = 18 * scale, height / 2
        for centre, shape in ((width * 0.25, "back"), (width * 0.5, "home"), (width * 0.75, "recents")):
            box = [centre - glyph / 2, middle - glyph / 2, centre + glyph / 2, middle + glyph / 2]
            if shape == "back":
                draw.polygon([(box[2], box[1]), (box[2], box[3]), (box[0], middle)], fill=foreground)
            elif shape == "home":
                draw.ellipse(box, outline=foreground, width=max(1, round(2 * scale)))
            else:
                draw.rectangle(box, outline=foreground, width=max(1, round(2 * scale)))
        return bar
    pill_width, pill_height = (108 if style == "gesture" else 134) * scale, 5 * scale
    bottom = height / 2 + pill_height / 2 if style == "gesture" else height - 8 * scale
    draw.rounded_rectangle(
        [width / 2 - pill_width / 2, bottom - pill_height, width / 2 + pill_width / 2, bottom],
        radius=pill_height / 2,
        fill=foreground,
    )
    return bar


def with_bars(screen: Image.Image, top: Image.Image | None = None, bottom: Image.Image | None = None) -> Image.Image:
    """`screen` with `top` above it and `bottom` below it, as a phone that does not draw behind its bars shows it."""
    height = screen.height + (top.height if top else 0) + (bottom.height if bottom else 0)
    phone = Image.new("RGB", (screen.width, height))
    if top:
        phone.paste(top, (0, 0))
    phone.paste(screen.convert("RGB"), (0, top.height if top else 0))
    if bottom:
        phone.paste(bottom, (0, height - bottom.height))
    return phone
