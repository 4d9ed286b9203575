"""Files as the Department for Education's GIAS publishes them, for tests of the importer.

The columns are those of GIAS's establishment download (edubasealldata), in its
order; a row's type group and district follow from its type and town as they do
in a real extract, unless a test sets them.
"""

from __future__ import annotations

import csv
from pathlib import Path

# The columns the importer reads.
USED = [
    "URN",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "PhaseOfEducation (name)",
    "LA (name)",
    "Trusts (name)",
    "Town",
]
GROUP = "EstablishmentTypeGroup (name)"
DISTRICT = "DistrictAdministrative (name)"

# Every column of the establishment download, as GIAS names and orders them.
COLUMNS = [
    "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName",
    "TypeOfEstablishment (code)", "TypeOfEstablishment (name)",
    "EstablishmentTypeGroup (code)", "EstablishmentTypeGroup (name)",
    "EstablishmentStatus (code)", "EstablishmentStatus (name)",
    "ReasonEstablishmentOpened (code)", "ReasonEstablishmentOpened (name)", "OpenDate",
    "ReasonEstablishmentClosed (code)", "ReasonEstablishmentClosed (name)", "CloseDate",
    "PhaseOfEducation (code)", "PhaseOfEducation (name)", "StatutoryLowAge", "StatutoryHighAge",
    "Boarders (code)", "Boarders (name)", "NurseryProvision (name)",
    "OfficialSixthForm (code)", "OfficialSixthForm (name)", "Gender (code)", "Gender (name)",
    "ReligiousCharacter (code)", "ReligiousCharacter (name)", "ReligiousEthos (name)",
    "Diocese (code)", "Diocese (name)", "AdmissionsPolicy (code)", "AdmissionsPolicy (name)",
    "SchoolCapacity", "SpecialClasses (code)", "SpecialClasses (name)", "CensusDate",
    "NumberOfPupils", "NumberOfBoys", "NumberOfGirls", "PercentageFSM",
    "TrustSchoolFlag (code)", "TrustSchoolFlag (name)", "Trusts (code)", "Trusts (name)",
    "SchoolSponsorFlag (name)", "SchoolSponsors (name)", "FederationFlag (name)",
    "Federations (code)", "Federations (name)", "UKPRN", "FEHEIdentifier",
    "FurtherEducationType (name)", "OfstedLastInsp", "OfstedSpecialMeasures (code)",
    "OfstedSpecialMeasures (name)", "LastChangedDate", "Street", "Locality", "Address3", "Town",
    "County (name)", "Postcode", "SchoolWebsite", "TelephoneNum", "HeadTitle (name)",
    "HeadFirstName", "HeadLastName", "HeadPreferredJobTitle", "BSOInspectorateName (name)",
    "InspectorateReport", "DateOfLastInspectionVisit", "NextInspectionVisit", "TeenMoth (name)",
    "TeenMothPlaces", "CCF (name)", "SENPRU (name)", "EBD (name)", "PlacesPRU", "FTProv (name)",
    "EdByOther (name)", "Section41Approved (name)",
    *(f"SEN{n} (name)" for n in range(1, 14)),
    "TypeOfResourcedProvision (name)", "ResourcedProvisionOnRoll", "ResourcedProvisionCapacity",
    "SenUnitOnRoll", "SenUnitCapacity", "GOR (code)", "GOR (name)",
    "DistrictAdministrative (code)", "DistrictAdministrative (name)",
    "AdministrativeWard (code)", "AdministrativeWard (name)",
    "ParliamentaryConstituency (code)", "ParliamentaryConstituency (name)",
    "UrbanRural (code)", "UrbanRural (name)", "GSSLACode (name)", "Easting", "Northing",
    "MSOA (name)", "LSOA (name)", "InspectorateName (name)", "SENStat", "SENNoStat",
    "BoardingEstablishment (name)", "PropsName", "PreviousLA (code)", "PreviousLA (name)",
    "PreviousEstablishmentNumber", "OfstedRating (name)", "RSCRegion (name)", "Country (name)",
    "UPRN", "SiteName", "QABName (code)", "QABName (name)", "EstablishmentAccredited (code)",
    "EstablishmentAccredited (name)", "QABReport", "CHNumber", "MSOA (code)", "LSOA (code)",
    "FSM", "AccreditationExpiryDate",
]  # fmt: skip

HERTS = "Hertfordshire"

# The type group GIAS files each type of establishment under.
TYPE_GROUPS = {
    "Community school": "Local authority maintained schools",
    "Voluntary aided school": "Local authority maintained schools",
    "Voluntary controlled school": "Local authority maintained schools",
    "Foundation school": "Local authority maintained schools",
    "Local authority nursery school": "Local authority maintained schools",
    "Pupil referral unit": "Local authority maintained schools",
    "Academy converter": "Academies",
    "Academy sponsor led": "Academies",
    "Academy special converter": "Academies",
    "Academy alternative provision converter": "Academies",
    "Free schools": "Free Schools",
    "Free schools special": "Free Schools",
    "University technical college": "Free Schools",
    "Studio schools": "Free Schools",
    "Community special school": "Special schools",
    "Foundation special school": "Special schools",
    "Non-maintained special school": "Special schools",
    "Other independent school": "Independent schools",
    "Other independent special school": "Independent schools",
    "Further education": "Colleges",
    "Sixth form centres": "Colleges",
    "Higher education institutions": "Universities",
    "Secure units": "Other types",
    "Miscellaneous": "Other types",
    "Online provider": "Online provider",
    "Welsh establishment": "Welsh schools",
}

# The local government district GIAS gives beside a town.
DISTRICTS = {
    "Hemel Hempstead": "Dacorum",
    "Berkhamsted": "Dacorum",
    "Ware": "East Hertfordshire",
    "Bishop's Stortford": "East Hertfordshire",
    "St Albans": "St Albans",
    "Watford": "Watford",
    "Bedford": "Bedford",
}


def school(urn: int, name: str, **fields: str) -> dict[str, str]:
    """A row of the establishment file: an open community primary in Hemel Hempstead."""
    row = {
        "URN": str(urn),
        "LA (code)": "919",
        "EstablishmentName": name,
        "TypeOfEstablishment (name)": "Community school",
        "EstablishmentStatus (name)": "Open",
        "PhaseOfEducation (name)": "Primary",
        "LA (name)": HERTS,
        "Trusts (name)": "",
        "Town": "Hemel Hempstead",
        "Postcode": "HP1 1AA",
        "GOR (name)": "East of England",
        "Country (name)": "United Kingdom",
    }
    row.update(fields)
    row.setdefault(GROUP, TYPE_GROUPS.get(row["TypeOfEstablishment (name)"], "Other types"))
    row.setdefault(DISTRICT, DISTRICTS.get(row["Town"], ""))
    return row


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> Path:
    """A CSV as GIAS publishes it: Windows-1252, every field quoted."""
    with path.open("w", encoding="cp1252", newline="") as stream:
        writer = csv.DictWriter(
            stream, columns, restval="", extrasaction="ignore", quoting=csv.QUOTE_ALL
        )
        writer.writeheader()
        writer.writerows(rows)
    return path
