using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Policies.CalculateCase;
using LtcInsurance.Domain;

namespace LtcInsurance.Web.Policies;

/// <summary>Every form of the calculator sends its request through here and shows refusals the same way.</summary>
public static class PolicyCalculations
{
    /// <summary>
    /// Sends <see cref="CalculateCaseQuery"/> for the signed-in user's tenant (null: they act for no tenant). A request
    /// the sender refuses (its validator, the caller's role) comes back as an outcome with a code and a Chinese message,
    /// shown like the engine's own refusals: never a server error.
    /// </summary>
    public static async Task<CalculationOutcome?> CalculateAsync(this ISender sender, string? kind, string? input, string? asOf, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var caseKind = kind?.Trim() ?? string.Empty;
        try
        {
            return await sender.Send(new CalculateCaseQuery(caseKind, input, asOf), cancellationToken);
        }
        catch (RequestValidationException e)
        {
            return CalculationOutcome.Failure(caseKind, ErrorCodes.InvalidInput, e.Message);
        }
        catch (ForbiddenAccessException e)
        {
            return CalculationOutcome.Failure(caseKind, "forbidden", e.Message);
        }
    }
}
