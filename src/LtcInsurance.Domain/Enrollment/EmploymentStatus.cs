namespace LtcInsurance.Domain.Enrollment;

/// <summary>Working status as recorded by the medical insurance register; contribution rules depend on it.</summary>
public enum EmploymentStatus
{
    /// <summary>在职.</summary>
    Employed,

    /// <summary>退休.</summary>
    Retired,

    /// <summary>灵活就业.</summary>
    FlexiblyEmployed,

    /// <summary>无工作单位 (residents, children, students).</summary>
    NotEmployed,
}
