using System.Globalization;
using LtcInsurance.Domain.Common;
using LtcInsurance.Domain.Vocabulary;

namespace LtcInsurance.Domain.Contributions;

/// <summary>
/// How a person's own contribution reached the fund (缴费方式), kept with each receipt: at the counter or bank
/// (<see cref="Counter"/>), in the tax bureau's collection file (<see cref="TaxCollection"/>), or withheld from the
/// retiree's pension by the pension office (<see cref="PensionWithholding"/>, where the city's document allows it).
/// </summary>
public static class PaymentMethods
{
    public const string Counter = "counter";

    public const string TaxCollection = "tax_collection";

    public const string PensionWithholding = "pension_withholding";

    public static IReadOnlyList<string> All { get; } = [Counter, TaxCollection, PensionWithholding];

    /// <summary>The Chinese name a page, a file and a journal entry's text use.</summary>
    public static string Name(string method) => method switch
    {
        Counter => "窗口缴费",
        TaxCollection => "税务征收",
        PensionWithholding => "养老金代扣",
        _ => method,
    };
}

/// <summary>A receipt names one of the <see cref="PaymentMethods"/>.</summary>
public sealed class PaymentMethodMustBeKnown(string? method) : IBusinessRule
{
    public string Code => "invalid_input";

    public string Clause => ContributionClauses.Administration;

    public string Message => $"缴费方式「{method}」不是已知的方式（窗口缴费、税务征收、养老金代扣）";

    public bool IsBroken() => method is null || !PaymentMethods.All.Contains(method);
}

/// <summary>
/// Withholding from the pension (养老金代扣) is for retirees, in a city whose document provides it (YL 二(三)（续）:
/// 退休人员费款…也可由发放基本养老金的社会保险经办机构代扣代缴).
/// </summary>
/// <param name="clause">The city's clause allowing it; null when the city has none.</param>
public sealed class PensionWithholdingOnlyForRetirees(string? clause, bool retired) : IBusinessRule
{
    public string Code => "withholding_not_allowed";

    public string Clause => clause ?? ContributionClauses.Administration;

    public string Message => clause is null
        ? "本市政策未规定养老金代扣缴费"
        : $"养老金代扣仅适用于退休人员（{clause}）";

    public bool IsBroken() => clause is null || !retired;
}

/// <summary>A period-level settlement (划转/拨付) is for a payer other than the person: the individual part is paid per bill.</summary>
public sealed class TransferIsForAnotherPayer(string payer) : IBusinessRule
{
    public string Code => "invalid_payer";

    public string Clause => ContributionClauses.Funding;

    public string Message => payer == Payer.Codes.Individual
        ? "个人缴费按缴费单登记或由税务征收文件导入，不能按期间划转"
        : $"缴费方「{payer}」不是已知的筹资渠道";

    public bool IsBroken() => payer == Payer.Codes.Individual || !Payer.TryFromCode(payer, out _);
}

/// <summary>A transfer settles at most what the payer still owes for the period (an overpayment would leave a negative receivable).</summary>
public sealed class TransferMustNotExceedOutstanding(decimal amount, decimal outstanding) : IBusinessRule
{
    public string Code => "overpayment";

    public string Clause => ContributionClauses.Administration;

    public string Message => outstanding <= 0
        ? "该缴费方本期没有未结清的应收款"
        : string.Create(CultureInfo.InvariantCulture, $"到账金额 {amount:0.00} 超过该缴费方本期未结清的应收款 {outstanding:0.00}");

    public bool IsBroken() => amount > outstanding;
}
