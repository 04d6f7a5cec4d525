namespace LtcInsurance.Application.Enrollment;

/// <summary>Asks the tenant's eligibility rule whether, and under which scheme, a person may be enrolled from a date.</summary>
/// <param name="FlexibleChoice">The scheme a flexible worker chose (YL 二(三)3), if any.</param>
/// <param name="MonthlyBase">Wage or pension base where the city charges a rate (YL 二(三)1-3).</param>
public sealed record EnrollRequest(Guid PersonId, DateOnly StartDate, string? FlexibleChoice = null, decimal? MonthlyBase = null);

/// <summary>
/// The outcome: enrolled under <see cref="Scheme"/>, or refused with the engine's reason code, the clause it applied
/// and a Chinese explanation for the clerk.
/// </summary>
public sealed record EnrollmentDecision(bool Enrolled, Guid? EnrollmentId, string? Scheme, string Reason, string Clause, string Message);

/// <summary>Changes to the register around enrollment. Every method acts on the current tenant.</summary>
public interface IEnrollmentService
{
    Task<EnrollmentDecision> EnrollAsync(EnrollRequest request, CancellationToken cancellationToken = default);

    /// <summary>Closes the open enrollment of the person on <paramref name="lastDay"/> (停保).</summary>
    Task EndEnrollmentAsync(Guid personId, DateOnly lastDay, CancellationToken cancellationToken = default);

    Task AddStatusAsync(Guid personId, string status, DateOnly from, DateOnly? to, CancellationToken cancellationToken = default);

    Task SetGuardianAsync(Guid minorId, Guid guardianId, string relationship, DateOnly since, CancellationToken cancellationToken = default);

    /// <summary>Registers a death and ends any open enrollment on that day.</summary>
    Task RecordDeathAsync(Guid personId, DateOnly dateOfDeath, CancellationToken cancellationToken = default);
}

/// <summary>A change the register refuses (unknown person, overlapping enrollment...). The message is Chinese.</summary>
public sealed class EnrollmentRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public EnrollmentRuleException()
        : this("invalid", "无效的参保操作")
    {
    }

    public EnrollmentRuleException(string message)
        : this("invalid", message)
    {
    }

    public EnrollmentRuleException(string message, Exception innerException)
        : this("invalid", message + " " + innerException?.Message)
    {
    }
}
