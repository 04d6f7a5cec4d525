using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Enrollment;

/// <summary>
/// A register row with an unknown value of an enumerated column is a problem naming the column and the allowed words:
/// never read as another value, never dropped (issue 10, item 3).
/// </summary>
public sealed class RegisterRowValidatorFidelityTests
{
    private static RegisterRowValidator.Checked Check(string column, string value)
    {
        var values = new Dictionary<string, string?>
        {
            [RegisterColumns.IdNumber] = "450902197001010014",
            [RegisterColumns.Name] = "韦测试",
            [RegisterColumns.Region] = "450902",
            [RegisterColumns.MedicalInsurance] = "职工",
            [column] = value,
        };
        return new RegisterRowValidator(["450902"]).Check(new RegisterRowInput(2, values));
    }

    [Theory]
    [Trait("clause", "register import: enumerated fields")]
    [InlineData(RegisterColumns.Employment, "employe")]
    [InlineData(RegisterColumns.Employment, "retire")]
    [InlineData(RegisterColumns.MedicalInsurance, "employe")]
    [InlineData(RegisterColumns.Statuses, "低保户x")]
    public void An_unknown_code_is_a_problem_naming_the_column_and_the_allowed_words(string column, string value)
    {
        var problem = Assert.Single(Check(column, value).Problems, p => p.Column == column);
        Assert.Contains(value, problem.Message, StringComparison.Ordinal);
        Assert.Contains("应为", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("clause", "register import: enumerated fields")]
    public void A_known_word_is_read_and_gives_no_problem()
    {
        var row = Check(RegisterColumns.Employment, "退休");
        Assert.DoesNotContain(row.Problems, p => p.Column == RegisterColumns.Employment);
        Assert.Equal(EmploymentStatus.Retired, row.Employment);
    }
}
