"""Word banks, palettes and icons for synthetic screens: enough variety that no two screens read alike.

Each domain (shop, travel, finance, fitness, food, social) has its own app names, item names,
details and Material icons, so a generated screen is coherent: a fitness dashboard shows steps and
heart rate, not prices.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Palette:
    """A color theme: the seed color, the Material swatch name used in code, light or dark."""

    name: str
    seed: str  # ARGB hex for Color(...), e.g. '0xFF3F51B5'
    swatch: str  # Colors.<swatch>
    dark: bool = False

    @property
    def on_background(self) -> str:
        return "Colors.white" if self.dark else "Colors.black87"

    @property
    def muted(self) -> str:
        return "Colors.white70" if self.dark else "Colors.black54"


PALETTES: tuple[Palette, ...] = (
    Palette("indigo", "0xFF3F51B5", "indigo"),
    Palette("teal", "0xFF009688", "teal"),
    Palette("deep-purple", "0xFF673AB7", "deepPurple"),
    Palette("orange", "0xFFFF9800", "orange"),
    Palette("green", "0xFF4CAF50", "green"),
    Palette("blue", "0xFF2196F3", "blue"),
    Palette("pink", "0xFFE91E63", "pink"),
    Palette("blue-grey", "0xFF607D8B", "blueGrey"),
    Palette("night-cyan", "0xFF00BCD4", "cyan", dark=True),
    Palette("night-amber", "0xFFFFC107", "amber", dark=True),
)


@dataclass(frozen=True)
class Domain:
    """The vocabulary of one kind of app."""

    name: str
    apps: tuple[str, ...]
    items: tuple[str, ...]  # things listed on screens
    details: tuple[str, ...]  # subtitles / short descriptions
    values: tuple[str, ...]  # prices, amounts, stats
    icons: tuple[str, ...]  # Icons.<name> that fit the domain
    stats: tuple[tuple[str, str, str], ...]  # (label, value, icon) for dashboards


DOMAINS: tuple[Domain, ...] = (
    Domain(
        "shop",
        ("ShopEase", "Cartly", "Trendy", "Basket", "UrbanMart"),
        (
            "Wireless Earbuds",
            "Leather Backpack",
            "Running Shoes",
            "Smart Watch",
            "Desk Lamp",
            "Ceramic Mug",
            "Denim Jacket",
            "Sunglasses",
            "Yoga Mat",
            "Bluetooth Speaker",
        ),
        ("Free delivery", "Only 3 left", "Best seller", "New arrival", "20% off today", "In stock"),
        ("\u002449.99", "\u0024129.00", "\u002419.50", "\u002489.90", "\u0024250.00", "\u00249.99"),
        ("shopping_cart", "local_offer", "favorite", "store", "payments", "local_shipping", "star"),
        (
            ("Orders", "128", "shopping_bag"),
            ("Revenue", "\u00248.2k", "attach_money"),
            ("Visitors", "3,410", "people"),
            ("Returns", "12", "undo"),
        ),
    ),
    Domain(
        "travel",
        ("Wanderly", "TripNest", "Voyago", "Roamer", "SkyWay"),
        (
            "Lisbon, Portugal",
            "Kyoto, Japan",
            "Banff, Canada",
            "Cape Town",
            "Reykjavik",
            "Bali, Indonesia",
            "Rome, Italy",
            "Santorini",
            "Marrakech",
            "Queenstown",
        ),
        (
            "3 nights \u00b7 2 guests",
            "Direct flight",
            "Breakfast included",
            "Ocean view",
            "Free cancellation",
            "4.8 rating",
        ),
        ("\u0024320", "\u00241,240", "\u002489/night", "\u0024560", "\u0024215", "\u00241,980"),
        ("flight", "hotel", "map", "luggage", "beach_access", "explore", "place"),
        (
            ("Trips", "14", "flight_takeoff"),
            ("Countries", "9", "public"),
            ("Miles", "42k", "route"),
            ("Saved", "31", "bookmark"),
        ),
    ),
    Domain(
        "finance",
        ("Pocket", "Ledgerly", "CoinWise", "Spendly", "Vault"),
        (
            "Groceries",
            "Salary",
            "Electricity Bill",
            "Coffee Shop",
            "Rent",
            "Gym Membership",
            "Streaming",
            "Transfer to Anna",
            "Savings Goal",
            "Taxi Ride",
        ),
        ("Today, 09:41", "Yesterday", "Card \u2022\u2022\u2022\u2022 4821", "Recurring", "Pending", "Completed"),
        ("-\u002442.18", "+\u00243,200.00", "-\u002496.40", "-\u00244.75", "-\u00241,150.00", "+\u0024250.00"),
        (
            "account_balance_wallet",
            "credit_card",
            "savings",
            "trending_up",
            "receipt_long",
            "account_balance",
            "pie_chart",
        ),
        (
            ("Balance", "\u002412,480", "account_balance_wallet"),
            ("Income", "\u00244,200", "trending_up"),
            ("Spent", "\u00241,932", "trending_down"),
            ("Saved", "\u0024850", "savings"),
        ),
    ),
    Domain(
        "fitness",
        ("FitTrack", "PulseUp", "Stride", "CoreFit", "Motion"),
        (
            "Morning Run",
            "Full Body HIIT",
            "Yoga Flow",
            "Upper Body",
            "Cycling",
            "Core Blast",
            "Evening Walk",
            "Stretching",
            "Leg Day",
            "Swim Session",
        ),
        ("30 min \u00b7 320 kcal", "Beginner", "45 min", "Advanced", "12 exercises", "Outdoor"),
        ("8,240", "72 bpm", "5.2 km", "1,850 kcal", "7h 20m", "64 kg"),
        ("fitness_center", "directions_run", "favorite", "timer", "local_fire_department", "directions_bike", "pool"),
        (
            ("Steps", "8,240", "directions_walk"),
            ("Heart", "72 bpm", "favorite"),
            ("Calories", "1,850", "local_fire_department"),
            ("Sleep", "7h 20m", "bedtime"),
        ),
    ),
    Domain(
        "food",
        ("Foodie", "TastyGo", "Munch", "Bistro", "FreshBite"),
        (
            "Margherita Pizza",
            "Chicken Ramen",
            "Avocado Toast",
            "Beef Burger",
            "Caesar Salad",
            "Pad Thai",
            "Sushi Platter",
            "Pancakes",
            "Falafel Wrap",
            "Chocolate Cake",
        ),
        ("25-30 min", "Vegetarian", "Spicy", "Chef's pick", "Gluten free", "Popular"),
        ("\u002412.50", "\u00249.90", "\u002414.00", "\u00246.75", "\u002418.20", "\u00247.40"),
        ("restaurant", "local_pizza", "fastfood", "local_cafe", "ramen_dining", "cake", "delivery_dining"),
        (
            ("Orders", "56", "receipt"),
            ("Rating", "4.7", "star"),
            ("Delivered", "48", "delivery_dining"),
            ("Tips", "\u002496", "payments"),
        ),
    ),
    Domain(
        "social",
        ("Chatter", "Circle", "Linkup", "Hangout", "Vibe"),
        (
            "Emma Johnson",
            "Liam Smith",
            "Olivia Brown",
            "Noah Davis",
            "Ava Wilson",
            "Lucas Martin",
            "Mia Garcia",
            "Ethan Lee",
            "Sofia Rossi",
            "Mateo Silva",
        ),
        ("Active now", "Sent a photo", "See you tomorrow!", "Liked your post", "2 mutual friends", "Typing..."),
        ("2m", "15m", "1h", "3h", "Yesterday", "Mon"),
        ("chat_bubble", "people", "favorite", "share", "notifications", "photo_camera", "person_add"),
        (
            ("Posts", "248", "grid_on"),
            ("Followers", "12.4k", "people"),
            ("Following", "389", "person_add"),
            ("Likes", "58k", "favorite"),
        ),
    ),
)

HEADLINES = (
    "Welcome back",
    "Good morning",
    "Hello there",
    "Discover more",
    "Your day at a glance",
    "Let's get started",
    "Almost done",
    "Stay on track",
)
TAGLINES = (
    "Sign in to continue",
    "Everything you need in one place",
    "Track what matters to you",
    "Join thousands of happy users",
    "It only takes a minute",
    "Pick up where you left off",
)
FORM_FIELDS = (
    ("Full name", "person"),
    ("Email", "email"),
    ("Phone number", "phone"),
    ("Address", "home"),
    ("City", "location_city"),
    ("Company", "business"),
    ("Date of birth", "cake"),
    ("Website", "language"),
    ("Notes", "notes"),
    ("Postal code", "markunread_mailbox"),
)
SETTINGS_ITEMS = (
    ("Notifications", "notifications"),
    ("Dark mode", "dark_mode"),
    ("Location", "location_on"),
    ("Auto-play videos", "play_circle"),
    ("Sync contacts", "sync"),
    ("Biometric login", "fingerprint"),
    ("Data saver", "data_usage"),
    ("Sound effects", "volume_up"),
)
MENU_ITEMS = (
    ("Home", "home"),
    ("Profile", "person"),
    ("Messages", "mail"),
    ("Favorites", "favorite"),
    ("History", "history"),
    ("Settings", "settings"),
    ("Help & Support", "help_outline"),
    ("Wallet", "account_balance_wallet"),
    ("Downloads", "download"),
    ("Log out", "logout"),
)
NAV_ITEMS = (
    ("Home", "home"),
    ("Search", "search"),
    ("Saved", "bookmark"),
    ("Profile", "person"),
    ("Cart", "shopping_cart"),
    ("Inbox", "mail"),
    ("Stats", "bar_chart"),
)
MESSAGES = (
    "Hey! Are we still on for today?",
    "Yes, see you at 6.",
    "Did you get my email?",
    "Sounds great, thanks!",
    "Can you send the photos?",
    "On my way now.",
    "Let's meet at the cafe.",
    "Happy birthday!",
    "I'll call you later.",
    "That was fun, let's do it again.",
)
PARAGRAPHS = (
    "A thoughtfully designed experience that fits right into your daily routine.",
    "Carefully selected and loved by our community, with free returns within 30 days.",
    "Everything is synced across your devices, so you never lose your progress.",
    "Enjoy exclusive offers and early access when you turn on notifications.",
)
DIALOGS = (
    ("Delete item?", "This action cannot be undone.", "Delete"),
    ("Log out?", "You will need to sign in again to continue.", "Log out"),
    ("Enable notifications", "Stay up to date with the latest news and offers.", "Allow"),
    ("Discard changes?", "Your unsaved changes will be lost.", "Discard"),
    ("Rate this app", "If you enjoy using the app, please take a moment to rate it.", "Rate now"),
)
ONBOARDING = (
    ("Track everything", "See all your activity in one simple dashboard.", "insights"),
    ("Stay connected", "Chat with friends and share moments instantly.", "forum"),
    ("Save more", "Smart budgets help you reach your goals faster.", "savings"),
    ("Explore the world", "Find hidden gems and book trips in seconds.", "explore"),
)
