namespace LtcInsurance.Domain;

/// <summary>
/// A case the policy rules refuse to evaluate (bad input, missing tenant figure, date before the
/// scheme). <see cref="Code"/> is stable and machine-readable; the message is Chinese for clerks.
/// </summary>
public sealed class PolicyException : Exception
{
    public PolicyException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public PolicyException()
        : this(ErrorCodes.InvalidInput, "输入无效")
    {
    }

    public PolicyException(string message)
        : this(ErrorCodes.InvalidInput, message)
    {
    }

    public PolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.InvalidInput;
    }

    public string Code { get; }
}

/// <summary>The error codes a policy evaluation can return.</summary>
public static class ErrorCodes
{
    public const string InvalidInput = "invalid_input";
    public const string UnknownTenant = "unknown_tenant";
    public const string UnknownKind = "unknown_kind";
    public const string ParameterMissing = "parameter_missing";
    public const string BeforeSchemeStart = "before_scheme_start";
    public const string NotInsured = "not_insured";
    public const string UnknownInstrument = "unknown_instrument";
    public const string InvalidItemScore = "invalid_item_score";
    public const string ServiceModeNotOffered = "service_mode_not_offered";
    public const string LevelNotCovered = "level_not_covered";
    public const string ProviderLevelRequired = "provider_level_required";
    public const string LineOutsideMonth = "line_outside_month";
    public const string DisabilityNotLasting = "disability_not_lasting";
    public const string InstrumentNotAllowed = "instrument_not_allowed";
    public const string BeforeCollectionStart = "before_collection_start";
    public const string BeforePaymentStart = "before_payment_start";
}
