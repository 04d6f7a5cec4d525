using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Domain.Tests.Enrollment;

public sealed class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X", 1949, 12, 31, Sex.Female)]
    [InlineData("440524188001010014", 1880, 1, 1, Sex.Male)]
    public void A_valid_number_yields_its_birth_date_and_sex(string text, int year, int month, int day, Sex sex)
    {
        var id = IdNumber.Parse(text);

        Assert.Equal(new DateOnly(year, month, day), id.BirthDate);
        Assert.Equal(sex, id.Sex);
        Assert.Equal(text[..6], id.RegionCode);
    }

    [Fact]
    public void A_lower_case_check_character_is_accepted_and_stored_upper_case()
    {
        Assert.Equal("11010519491231002X", IdNumber.Parse("11010519491231002x").Value);
    }

    [Fact]
    public void The_masked_form_keeps_the_first_and_last_four_characters()
    {
        Assert.Equal("3201**********123X", IdNumber.Parse("32011519800101123X").Masked);
    }

    [Theory]
    [InlineData("110105194912310021", "校验位")]
    [InlineData("11010519491231002", "18位")]
    [InlineData("1101051949123100X2", "前17位")]
    [InlineData("110105194913310025", "出生日期")]
    [InlineData("010105194912310028", "地址码")]
    [InlineData(null, "18位")]
    public void An_invalid_number_is_rejected_with_a_reason(string? text, string reason)
    {
        Assert.False(IdNumber.TryParse(text, out var id, out var error));
        Assert.Null(id);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_throws_for_an_invalid_number()
    {
        Assert.Throws<FormatException>(() => IdNumber.Parse("110105194912310021"));
    }

    [Property]
    public Property A_created_number_parses_back_to_its_parts()
    {
        var parts = from region in Gen.Choose(110000, 659999)
                    from days in Gen.Choose(0, 40000)
                    from sequence in Gen.Choose(0, 999)
                    select (Region: region.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Birth: new DateOnly(1910, 1, 1).AddDays(days), Sequence: sequence);
        return Prop.ForAll(parts.ToArbitrary(), p =>
        {
            var id = IdNumber.Parse(IdNumber.Create(p.Region, p.Birth, p.Sequence).Value);
            return id.RegionCode == p.Region && id.BirthDate == p.Birth
                   && id.Sex == (p.Sequence % 2 == 1 ? Sex.Male : Sex.Female);
        });
    }

    /// <summary>ISO 7064 MOD 11-2 detects every single-digit error: the weights are all non-zero modulo 11.</summary>
    [Property]
    public Property Changing_any_one_of_the_first_17_digits_breaks_the_check()
    {
        var cases = from sequence in Gen.Choose(0, 999)
                    from position in Gen.Choose(0, 16)
                    from delta in Gen.Choose(1, 9)
                    select (Sequence: sequence, Position: position, Delta: delta);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var valid = IdNumber.Create("321102", new DateOnly(1950, 6, 15), c.Sequence).Value.ToCharArray();
            valid[c.Position] = (char)('0' + ((valid[c.Position] - '0' + c.Delta) % 10));
            return IdNumber.CheckCharacter(valid.AsSpan(0, 17)) != valid[17];
        });
    }
}
