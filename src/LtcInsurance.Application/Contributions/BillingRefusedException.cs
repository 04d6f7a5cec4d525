namespace LtcInsurance.Application.Contributions;

/// <summary>
/// A billing run or a payment is refused as a whole (a missing parameter, a period in the wrong unit, an unknown bill,
/// a receipt reference used for another payment, a concurrent run); nothing was written. <see cref="Code"/> is the
/// engine's or a stable code of its own; the message is Chinese, for the page and the command line.
/// </summary>
public sealed class BillingRefusedException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public BillingRefusedException()
        : this("invalid_input", "缴费核定被拒绝")
    {
    }

    public BillingRefusedException(string message)
        : this("invalid_input", message)
    {
    }

    public BillingRefusedException(string message, Exception innerException)
        : this("invalid_input", message + " " + innerException?.Message)
    {
    }
}
