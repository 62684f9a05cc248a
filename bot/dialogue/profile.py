"""Profile steps of the dialogue: agency name, type, units and years.

A mixin of Dialogue, split out only to keep each module short; it relies on
Dialogue's helpers (profile, agency_type, type_name, scores, after_profile).
"""

from __future__ import annotations

import re

from bot.dialogue import render as say
from bot.dialogue.messages import Choice
from bot.dialogue.states import State, Turn
from bot.thai import THAI_DIGITS

_DIGITS = str.maketrans(THAI_DIGITS, "0123456789")


class ProfileSteps:
    """Ask for and store the agency profile, one step per message."""

    def ask_profile_step(self, turn: Turn, state: State) -> State:
        """Ask the question of a profile step and return that step."""
        profile = self.profile(turn.session)
        if state is State.PROFILE_NAME:
            keep = f"\nขณะนี้บันทึกไว้: {profile.name}" if profile.name else ""
            turn.say(say.ASK_NAME + keep, choices=say.keep_choice() if profile.name else [])
        elif state is State.PROFILE_TYPE:
            types = list(self.playbook.agency_types.values())
            listing = "\n".join(f"{i}. {t.name_th}" for i, t in enumerate(types, 1))
            guess = self.playbook.match_agency_type(profile.name) if profile.name else None
            hint = f'\nจากชื่อหน่วยงาน น่าจะเป็น "{guess.name_th}"' if guess and not profile.type else ""
            current = f"\nขณะนี้บันทึกไว้: {self.type_name(profile)}" if profile.type else ""
            turn.say(
                f'หน่วยงานของท่านเป็นประเภทใด กดปุ่มหรือพิมพ์หมายเลข เช่น "1"\n{listing}{hint}{current}',
                choices=[Choice(t.name_th[:20], t.name_th) for t in types],
            )
        elif state is State.PROFILE_UNITS:
            at = self.agency_type(profile.type)
            units = profile.units or list(getattr(at, "default_units", []) or [])
            turn.say(say.ask_units(units, at.name_th if at else ""), choices=say.keep_choice())
        else:
            turn.say(say.ask_year(profile), choices=say.keep_choice() if profile.assessment_year else [])
        return state

    def _keep(self, text: str) -> bool:
        return text.strip().lower() in say.KEEP_WORDS

    def _stash_scores(self, turn: Turn) -> bool:
        """Keep scores sent before the profile is done, so nothing valid is lost."""
        from bot.scores import parse_scores

        result = parse_scores(turn.text, self.fw)
        if not (result.scores and (result.scores.indicators or result.scores.items)):
            return False
        old = self.scores(turn.session)
        merged = old.merge(result.scores) if old else result.scores
        turn.session.scores = merged.to_json()
        turn.say(f"รับคะแนนไว้แล้ว ({len(merged.indicators)} ตัวชี้วัด) จะใช้ต่อเมื่อกรอกข้อมูลหน่วยงานครบ")
        return True

    def _on_name(self, turn: Turn) -> State:
        profile = self.profile(turn.session)
        if self._keep(turn.text) and profile.name:
            return self.ask_profile_step(turn, State.PROFILE_TYPE)
        if self._is_score_message(turn.text) and self._stash_scores(turn):
            return self.ask_profile_step(turn, State.PROFILE_NAME)
        name = " ".join(turn.text.split())
        if len(name) < 3 or len(name) > 200 or name.translate(_DIGITS).replace(" ", "").isdigit():
            turn.say('ชื่อหน่วยงานควรยาว 3–200 ตัวอักษรและไม่ใช่ตัวเลขล้วน กรุณาพิมพ์ใหม่ เช่น "เทศบาลตำบลนามะเขือ"')
            return State.PROFILE_NAME
        turn.session.profile["name"] = name
        turn.say(f"บันทึกชื่อหน่วยงาน: {name}")
        return self.ask_profile_step(turn, State.PROFILE_TYPE)

    def _on_type(self, turn: Turn) -> State:
        profile = self.profile(turn.session)
        if self._keep(turn.text) and profile.type:
            return self.ask_profile_step(turn, State.PROFILE_UNITS)
        types = list(self.playbook.agency_types.values())
        text = turn.text.strip()
        number = text.translate(_DIGITS)
        chosen = None
        if number.isdigit() and 1 <= int(number) <= len(types):
            chosen = types[int(number) - 1]
        else:
            chosen = next(
                (t for t in types if text in (t.key, t.name_th)), None
            ) or self.playbook.match_agency_type(text)
        if chosen is None:
            turn.say(f'ขออภัย ไม่พบประเภทหน่วยงาน "{text[:60]}" กรุณากดปุ่ม หรือพิมพ์หมายเลขจากรายการ เช่น "1"')
            return self.ask_profile_step(turn, State.PROFILE_TYPE)
        if chosen.key != profile.type:
            turn.session.profile.update(
                type=chosen.key, units=[], executive=getattr(chosen, "executive", "") or ""
            )
        turn.say(f"บันทึกประเภทหน่วยงาน: {chosen.name_th}")
        return self.ask_profile_step(turn, State.PROFILE_UNITS)

    def _on_units(self, turn: Turn) -> State:
        profile = self.profile(turn.session)
        if self._keep(turn.text):
            at = self.agency_type(profile.type)
            units = profile.units or list(getattr(at, "default_units", []) or [])
        else:
            units = [u.strip(" -•*\t") for u in re.split(r"[,\n;、]|\s+และ\s+", turn.text)]
            units = [u for u in units if u]
        bad = [u for u in units if len(u) > 120]
        if not units or bad:
            turn.say(
                "กรุณาพิมพ์รายชื่อหน่วยงานย่อย (แต่ละชื่อไม่เกิน 120 ตัวอักษร) คั่นด้วยจุลภาค "
                'เช่น "สำนักปลัด, กองคลัง, กองช่าง" หรือกดปุ่ม "ใช้ตามนี้"'
            )
            return State.PROFILE_UNITS
        turn.session.profile["units"] = list(dict.fromkeys(units))
        turn.say("บันทึกหน่วยงานย่อย: " + ", ".join(turn.session.profile["units"]))
        return self.ask_profile_step(turn, State.PROFILE_YEAR)

    def _on_year(self, turn: Turn) -> State:
        profile = self.profile(turn.session)
        if self._keep(turn.text) and profile.assessment_year:
            return self.after_profile(turn)
        years = [int(y) for y in re.findall(r"(?<!\d)(\d{4}|\d{2})(?!\d)", turn.text.translate(_DIGITS))]
        years = [y + 2500 if y < 100 else y for y in years]
        if not years or any(not 2550 <= y <= 2600 for y in years):
            turn.say(
                'กรุณาระบุปีที่ประเมินเป็นปี พ.ศ. เช่น "2568" '
                '(หากต้องการกำหนดปีงบประมาณของมาตรการเอง พิมพ์ เช่น "2568 ปีงบ 2570")'
            )
            return State.PROFILE_YEAR
        assessment = years[0]
        fiscal = years[1] if len(years) > 1 else assessment + 1
        if fiscal < assessment:
            turn.say(
                f"ปีงบประมาณของมาตรการ ({fiscal}) ต้องไม่ก่อนปีที่ประเมิน ({assessment}) "
                f'กรุณาพิมพ์ใหม่ เช่น "{assessment} ปีงบ {assessment + 1}"'
            )
            return State.PROFILE_YEAR
        turn.session.profile.update(assessment_year=assessment, fiscal_year=fiscal)
        turn.say(f"บันทึกปีที่ประเมิน {assessment} และปีงบประมาณของมาตรการ {fiscal}")
        return self.after_profile(turn)
