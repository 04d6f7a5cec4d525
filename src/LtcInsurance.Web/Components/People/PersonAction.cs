namespace LtcInsurance.Web.Components.People;

/// <summary>The register changes the person page offers, each a use case of <c>Application.Enrollment</c>.</summary>
public enum PersonAction
{
    /// <summary>参保登记 (EnrolCommand).</summary>
    Enrol,

    /// <summary>停保 (EndEnrollmentCommand); irreversible, confirmed first.</summary>
    EndEnrollment,

    /// <summary>人员类别 (AddStatusCommand).</summary>
    AddStatus,

    /// <summary>监护人 (SetGuardianCommand), for minors.</summary>
    SetGuardian,

    /// <summary>死亡登记 (RecordDeathCommand); irreversible, confirmed first.</summary>
    RecordDeath,

    /// <summary>联系方式 (UpdateContactCommand): phone and address.</summary>
    UpdateContact,

    /// <summary>所在地区 (ChangeRegionCommand); the eligibility rule decides the enrolment again.</summary>
    ChangeRegion,

    /// <summary>医保类型与就业状态 (ChangeInsuranceTypeCommand); the eligibility rule decides the enrolment again.</summary>
    ChangeInsuranceType,

    /// <summary>结束人员类别 (EndStatusCommand); the eligibility rule decides the enrolment again.</summary>
    EndStatus,
}
