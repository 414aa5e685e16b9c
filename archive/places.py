"""Where the places the extraction recognises (archive.countries.CITIES, PROVINCES) lie:
longitude and latitude in degrees, for the maps of events. A place not listed here is
counted in the maps' tables but not drawn."""

COORDINATES: dict[str, tuple[float, float]] = {
    # cities
    "Beijing": (116.41, 39.90),
    "Shanghai": (121.47, 31.23),
    "Chongqing": (106.55, 29.56),
    "Qingdao": (120.38, 36.07),
    "Hangzhou": (120.16, 30.27),
    "Huzhou": (120.09, 30.89),
    "Jiaxing": (120.76, 30.75),
    "Yancheng": (120.16, 33.35),
    "Shenzhen": (114.06, 22.54),
    "Guangzhou": (113.26, 23.13),
    "Tianjin": (117.20, 39.13),
    "Wuhan": (114.31, 30.59),
    "Nanjing": (118.80, 32.06),
    "Chengdu": (104.07, 30.57),
    "Xi'an": (108.94, 34.34),
    "Harbin": (126.53, 45.80),
    "Dalian": (121.60, 38.91),
    "Seoul": (126.98, 37.57),
    "Busan": (129.08, 35.18),
    "Daejeon": (127.38, 36.35),
    "Incheon": (126.71, 37.46),
    "Daegu": (128.60, 35.87),
    "Gwangju": (126.85, 35.16),
    "Pohang": (129.34, 36.02),
    "Tokyo": (139.69, 35.68),
    "Osaka": (135.50, 34.69),
    # provinces, at about their middle
    "Zhejiang": (120.10, 29.20),
    "Shandong": (118.50, 36.40),
    "Jiangsu": (119.50, 32.90),
    "Guangdong": (113.40, 23.40),
    "Sichuan": (102.70, 30.60),
    "Hubei": (112.30, 31.00),
    "Gyeonggi": (127.20, 37.40),
}
