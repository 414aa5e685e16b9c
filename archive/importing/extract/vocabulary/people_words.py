"""Words of people: titles, honorifics, the titles that may stand before a name, and common
Chinese, Korean and Japanese family names."""

TITLE_WORDS = {
    "president",
    "vice-president",
    "chairman",
    "chairwoman",
    "chair",
    "vice-chairman",
    "vice-chairwoman",
    "director",
    "secretary",
    "dean",
    "deans",
    "professor",
    "representative",
    "consultant",
    "member",
    "members",
    "academician",
    "mayor",
    "governor",
    "ambassador",
    "minister",
    "ceo",
    "head",
    "leader",
    "manager",
    "executive",
    "officer",
    "researcher",
    "founder",
    "chief",
    "deputy",
    "adviser",
    "advisor",
    "assistant",
    "commissioner",
    "counselor",
    "counsellor",
    "spokesperson",
    "principal",
    "fellow",
    "scientist",
    "vice",
    "general",
    "premier",
    "attorney",
}
HONORIFICS = {"mr", "mrs", "ms", "dr", "prof", "professor", "academician"}
# Capitalized titles that may stand before a name: "President Moon Jae-in".
TITLES_BEFORE_NAME = {
    "president",
    "vice president",
    "chairman",
    "chairwoman",
    "director",
    "minister",
    "vice minister",
    "ambassador",
    "governor",
    "mayor",
    "premier",
    "secretary",
    "dean",
}


# Common Chinese, Korean and Japanese family names as news romanizes them: a name standing
# alone ("Zhou Xiaoqin said") or with its surname in capitals ("HE Minghong") is told by one.
_SURNAME_WORDS = """
    ai an bai bao bi bian cai cao cen chang chao chen cheng chi chu cui dai deng ding dong du
    duan fan fang fei feng fu gao ge geng gong gu guan guo han hao he hong hou hu hua huang ji
    jia jiang jin kang kong lai lan lei li liang liao lin ling liu long lu luo lv ma mao meng
    miao mo mu ni nie niu ou pan pang pei peng piao qi qian qiao qin qiu qu ren rong ruan shao
    shen sheng shi song su sun tan tang tao tian tong wan wang wei wen wu xia xiang xiao xie xing
    xiong xu xue yan yang yao ye yi yin yu yuan yue zeng zhai zhan zhang zhao zheng zhong zhou
    zhu zhuang zou
    ahn bae baek byun cha chae cho choi chung chun eom gang ha heo hwang hyun jang jeon jeong jo
    ju jung kim ko koo kwak kwon lee lim min moon na nam noh oh paik park ryu seo seong shin sim
    shim son sung woo yeo yoo yoon yun
    abe aoki endo fujii fujita fukuda goto hashimoto hayashi ikeda inoue ishii ishikawa ito
    kato kikuchi kimura kobayashi kondo matsumoto mori murakami murata nakamura nakajima nakano
    nishimura ogawa okada ono saito sakamoto sasaki sato shimizu suzuki takahashi takeuchi
    tanaka watanabe yamada yamaguchi yamamoto yamashita yoshida
"""
SURNAMES = set(_SURNAME_WORDS.split())
