using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Application.Contributions;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Ledger;

namespace LtcInsurance.Web.Components.Billing;

/// <summary>
/// A use case said no (nothing was written): its code and Chinese message, as the billing pages show them in their
/// alert. Anything else is a fault and goes to the error page.
/// </summary>
public sealed record UseCaseRefusal(string Code, string Message)
{
    /// <summary>The refusal <paramref name="failure"/> stands for, or null when it is not one.</summary>
    public static UseCaseRefusal? Of(Exception failure) => failure switch
    {
        BillingRefusedException refused => new(refused.Code, refused.Message),
        BusinessRuleViolationException broken => new(broken.Code, broken.Message),
        RequestValidationException invalid => new("invalid_input", invalid.Message),
        ForbiddenAccessException forbidden => new("forbidden", forbidden.Message),
        LedgerRuleException ledger => new(ledger.Rule, ledger.Message),
        _ => null,
    };
}
