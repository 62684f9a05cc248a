"""Builders of realistic Draft objects for export tests (wording modelled on seeds 001/002)."""

from __future__ import annotations

from bot.ita.measures import AgencyProfile, Draft, MeasureRow, Source, ToolSummary

# Every agency type of knowledge/agency_types.yaml (tests/test_playbook.py checks the file holds these).
AGENCY_TYPES = (
    "municipality_subdistrict",
    "municipality_town",
    "municipality_city",
    "sao",
    "pao",
    "school",
    "esa",
    "department",
    "province",
    "public_org",
    "state_enterprise",
    "university",
)

TOOLS = {"IIT": (1, 2, 3, 4, 5), "EIT": (6, 7, 8), "OIT": (9, 10)}
WEIGHTS = {"IIT": 0.3, "EIT": 0.3, "OIT": 0.4}


def _scores(indicators: dict[int, float]) -> tuple[dict[str, float], float]:
    tools = {t: round(sum(indicators[n] for n in ns) / len(ns), 2) for t, ns in TOOLS.items()}
    return tools, round(sum(WEIGHTS[t] * s for t, s in tools.items()), 2)


def _row(indicator: int, score: float, tier: str, **fields) -> MeasureRow:
    base = dict(
        indicator=indicator,
        score=score,
        tier=tier,
        timeline="ต.ค. 68 – ก.ย. 69",
        start_month="2025-10",
        end_month="2026-09",
        monitoring="หัวหน้าสำนักปลัดเทศบาลติดตามความก้าวหน้ารายไตรมาส และรายงานนายกเทศมนตรี",
        reporting="รายงานผลรอบ 6 เดือน (31 มี.ค. 69) และรอบ 12 เดือน (30 ก.ย. 69) เผยแพร่บนเว็บไซต์",
    )
    base.update(fields)
    return MeasureRow(**base)


def tambon_municipality() -> Draft:
    """Return a เทศบาลตำบล plan: 10 indicator scores, 5 rows for the weak indicators."""
    indicators = {
        1: 98.89,
        2: 99.38,
        3: 99.75,
        4: 98.77,
        5: 88.40,
        6: 95.26,
        7: 91.50,
        8: 92.01,
        9: 78.50,
        10: 84.00,
    }
    tools, overall = _scores(indicators)
    rows = [
        _row(
            9,
            78.50,
            "แก้ไขเร่งด่วน",
            items=["O13", "O14", "O16"],
            topic="ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล",
            analysis="เป็นตัวชี้วัดที่มีคะแนนต่ำที่สุด เนื่องจากข้อมูล O13 รายงานผลการจัดซื้อจัดจ้างประจำปี "
            "O14 แผนการบริหารและพัฒนาทรัพยากรบุคคล และ O16 ประมวลจริยธรรม ไม่ครบถ้วนตามหลักเกณฑ์",
            measure="โครงการพัฒนาการเปิดเผยข้อมูลสาธารณะ (OIT)",
            steps=[
                "แต่งตั้งคณะทำงาน ITA",
                "ตรวจสอบข้อมูล OIT ทุกหัวข้อเทียบกับคู่มือการประเมิน",
                "จัดทำและเผยแพร่ข้อมูลให้ครบถ้วนและเป็นปัจจุบัน",
                "ติดตามและประเมินผลก่อนปิดระบบ ITA",
            ],
            owners=["สำนักปลัดเทศบาล", "กองคลัง (งานพัสดุ)", "ทุกกอง"],
            timeline="ต.ค. 68 – เม.ย. 69",
            end_month="2026-04",
            kpi="ข้อมูล OIT เผยแพร่ครบถ้วนร้อยละ 100 ก่อนปิดระบบ",
            sources=[Source(source="ITA 2568 OIT O13", text="รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี")],
        ),
        _row(
            10,
            84.00,
            "แก้ไขเร่งด่วน",
            items=["O22", "O24"],
            analysis="ยังไม่มีการเผยแพร่ผลการประเมินความเสี่ยงการทุจริตและการขับเคลื่อน No Gift Policy ครบถ้วน",
            measure="กิจกรรมประเมินความเสี่ยงการทุจริตและประกาศเจตนารมณ์ No Gift Policy",
            steps=[
                "ประเมินความเสี่ยงการทุจริตประจำปี",
                "ประกาศนโยบาย No Gift Policy ของนายกเทศมนตรี",
                "จัดกิจกรรมสร้างวัฒนธรรมองค์กร",
                "รายงานผลต่อสาธารณชน",
            ],
            owners=["สำนักปลัดเทศบาล", "ตรวจสอบภายใน"],
            kpi="ประกาศและรายงานผลครบ 2 รอบ",
            sources=[
                Source(
                    source="ข้อเสนอแนะ ป.ป.ช. 2568", text="ควรมีการประเมินความเสี่ยงการทุจริตและมาตรการป้องกันที่ชัดเจน"
                )
            ],
        ),
        _row(
            5,
            88.40,
            "พัฒนาให้ดีขึ้น",
            items=["I26", "I27"],
            analysis="บุคลากรบางส่วนยังขาดความเชื่อมั่นในกระบวนการร้องเรียนและการคุ้มครองผู้แจ้งเบาะแส",
            measure="โครงการเสริมสร้างความเชื่อมั่นในการป้องกันการทุจริต",
            steps=[
                "ทบทวนมาตรการป้องกันการทุจริต",
                "ประชาสัมพันธ์ช่องทางร้องเรียนและการคุ้มครองผู้ร้องเรียน",
                "จัดอบรมด้านคุณธรรมและจริยธรรม",
            ],
            owners=["สำนักปลัดเทศบาล"],
            timeline="ม.ค. – ส.ค. 69",
            start_month="2026-01",
            end_month="2026-08",
            kpi="บุคลากรรับทราบมาตรการไม่น้อยกว่าร้อยละ 90",
            sources=[Source(source="คู่มือ ITA แนวทางตัวชี้วัดที่ 5", text="การแก้ไขปัญหาการทุจริต")],
        ),
        _row(
            7,
            91.50,
            "พัฒนาให้ดีขึ้น",
            items=["E10", "E11"],
            analysis="ประชาชนบางส่วนยังเข้าถึงข้อมูลข่าวสารของหน่วยงานได้ไม่ทั่วถึง",
            measure="โครงการพัฒนาระบบการสื่อสารและประชาสัมพันธ์องค์กร",
            steps=[
                "ปรับปรุงเว็บไซต์ให้เป็นปัจจุบัน",
                "พัฒนาช่องทาง Facebook และ LINE Official Account",
                "เพิ่มช่องทางรับฟังความคิดเห็น",
            ],
            owners=["งานประชาสัมพันธ์ สำนักปลัดเทศบาล"],
            kpi="เว็บไซต์ปรับปรุงข้อมูลอย่างน้อยเดือนละ 1 ครั้ง",
            sources=[Source(source="seed 001", text="พัฒนาเว็บไซต์ Facebook และ Line Official")],
        ),
        _row(
            8,
            92.01,
            "พัฒนาให้ดีขึ้น",
            items=["E14"],
            analysis="ควรเพิ่มการมีส่วนร่วมของประชาชนในการพัฒนาการดำเนินงานและการให้บริการ",
            measure="โครงการส่งเสริมการมีส่วนร่วมของประชาชนและ E-Service",
            steps=[
                "จัดเวทีประชาคมรับฟังความคิดเห็น",
                "เปิดช่องทางรับฟังความคิดเห็นออนไลน์",
                "นำข้อเสนอแนะมาปรับปรุงงานบริการ",
            ],
            owners=["สำนักปลัดเทศบาล", "กองช่าง"],
            timeline="ม.ค. – ก.ย. 69",
            start_month="2026-01",
            kpi="มีบริการ E-Service อย่างน้อย 2 บริการ",
            sources=[Source(source="seed 001", text="พัฒนาระบบ E-Service ลดขั้นตอนและระยะเวลาการให้บริการ")],
        ),
    ]
    return Draft(
        agency=AgencyProfile(
            name="เทศบาลตำบลนาดี",
            type="tambon_municipality",
            units=["สำนักปลัดเทศบาล", "กองคลัง", "กองช่าง"],
            assessment_year=2568,
            executive="นายกเทศมนตรีตำบลนาดี",
        ),
        assessment_year=2568,
        fiscal_year=2569,
        level="ผ่าน",
        overall=overall,
        tools=tools,
        indicators=indicators,
        summary=[
            ToolSummary(
                tool="IIT",
                score=tools["IIT"],
                strengths=["การใช้อำนาจ 99.75 คะแนน"],
                weaknesses=["การแก้ไขปัญหาการทุจริต 88.40 คะแนน"],
            ),
            ToolSummary(
                tool="EIT",
                score=tools["EIT"],
                strengths=["คุณภาพการดำเนินงาน"],
                weaknesses=["ประสิทธิภาพการสื่อสาร", "การปรับปรุงการทำงาน"],
            ),
            ToolSummary(tool="OIT", score=tools["OIT"], weaknesses=["O13 O14 O16 ไม่ครบถ้วน"]),
        ],
        rows=rows,
        kpis=["ข้อมูล OIT เผยแพร่ครบถ้วน 100%", "คะแนน ITA ปีงบประมาณถัดไปเพิ่มขึ้นจากปีปัจจุบัน"],
        monitoring_plan=[
            "ติดตามผลการดำเนินงานเป็นรายไตรมาส",
            "รายงานผลต่อนายกเทศมนตรีรอบ 6 และ 12 เดือน",
            "เผยแพร่ผลการดำเนินงานบนเว็บไซต์ของหน่วยงาน",
        ],
        notes=["ร่างนี้จัดทำโดยระบบ โปรดตรวจทานก่อนเสนอผู้บริหาร"],
    )


def school() -> Draft:
    """Return an OBEC school plan with a hedged level and two rows."""
    indicators = {1: 96.0, 2: 94.5, 3: 97.2, 4: 93.1, 5: 95.0, 6: 90.4, 7: 89.9, 8: 91.0, 9: 86.0, 10: 72.5}
    tools, overall = _scores(indicators)
    rows = [
        _row(
            10,
            72.5,
            "แก้ไขเร่งด่วน",
            analysis="ไม่พบแผนป้องกันการทุจริตของสถานศึกษา",
            measure="จัดทำแผนป้องกันการทุจริตของสถานศึกษา",
            steps=["แต่งตั้งคณะทำงาน", "วิเคราะห์ความเสี่ยงการทุจริตในงาน 4 ด้าน", "ประกาศใช้และเผยแพร่แผน"],
            owners=["งานบริหารทั่วไป"],
            monitoring="ผู้อำนวยการโรงเรียนติดตามทุกภาคเรียน",
            reporting="รายงานคณะกรรมการสถานศึกษาขั้นพื้นฐาน",
            kpi="มีแผนประกาศใช้ภายใน ธ.ค. 68",
            timeline="ต.ค. – ธ.ค. 68",
            end_month="2025-12",
            sources=[Source(source="OIT 2566 (OBEC)", text="แผนป้องกันการทุจริตของสถานศึกษา")],
        ),
        _row(
            7,
            89.9,
            "พัฒนาให้ดีขึ้น",
            analysis="ผู้ปกครองเข้าถึงข่าวสารของโรงเรียนได้ไม่ทั่วถึง",
            measure="เพิ่มช่องทางสื่อสารกับผู้ปกครอง",
            steps=["เปิด LINE OA ของโรงเรียน"],
            owners=["งานวิชาการ", "งานบริหารทั่วไป"],
            monitoring="รองผู้อำนวยการติดตาม",
            reporting="รายงานรอบ 6 และ 12 เดือน",
            kpi="ผู้ปกครองเข้าร่วม LINE OA ร้อยละ 70",
            sources=[Source(source="seed 000", text="ประสิทธิภาพการสื่อสาร")],
        ),
    ]
    return Draft(
        agency=AgencyProfile(
            name="โรงเรียนบ้านหนองบัว",
            type="obec_school",
            assessment_year=2568,
            executive="ผู้อำนวยการโรงเรียนบ้านหนองบัว",
        ),
        assessment_year=2568,
        level="ผ่าน",
        level_note="ระดับนี้คำนวณตามเกณฑ์ปี 2566 ซึ่งยังไม่ได้รับการยืนยันจากคู่มือ ป.ป.ช. ฉบับปีนี้",
        overall=overall,
        tools=tools,
        indicators=indicators,
        rows=rows,
    )


def bare() -> Draft:
    """Return a draft with every optional field empty."""
    return Draft(agency=AgencyProfile())
