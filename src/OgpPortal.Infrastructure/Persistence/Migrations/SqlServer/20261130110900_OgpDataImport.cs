using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OgpDataImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // SQL Server refuses to alter a column in a full-text index: the index (ADR 0007) is dropped
            // around the wider commitment columns and built again. Untested here (no SQL Server).
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON Commitments;", suppressTransaction: true);

            migrationBuilder.AddColumn<string>(
                name: "DataCode",
                table: "Members",
                type: "nvarchar(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Institution",
                table: "MemberPointsOfContact",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EarlyResults",
                table: "LegacyAssessments",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Missing",
                table: "LegacyAssessments",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PotentialForResults",
                table: "LegacyAssessments",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StarredAtEndOfTerm",
                table: "LegacyAssessments",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StarredAtProgressReport",
                table: "LegacyAssessments",
                type: "bit",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Verifiable",
                table: "LegacyAssessments",
                type: "bit",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organisation",
                table: "ConsultationComments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Commitments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "ShortTitle",
                table: "Commitments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(150)",
                oldMaxLength: 150,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LeadInstitution",
                table: "Commitments",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<string>(
                name: "EndDateAsWritten",
                table: "Commitments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NumberInPlan",
                table: "Commitments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StartDateAsWritten",
                table: "Commitments",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "ChallengeEntries",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AlterColumn<string>(
                name: "LeadInstitution",
                table: "ChallengeEntries",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<string>(
                name: "OgpId",
                table: "ActionPlans",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecordedDurationYears",
                table: "ActionPlans",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SubmissionYear",
                table: "ActionPlans",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_DataCode",
                table: "Members",
                column: "DataCode",
                unique: true,
                filter: "[DataCode] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_OgpId",
                table: "ActionPlans",
                column: "OgpId",
                unique: true,
                filter: "[OgpId] IS NOT NULL");

            migrationBuilder.Sql("""
                CREATE FULLTEXT INDEX ON Commitments (Title LANGUAGE 0, ShortTitle LANGUAGE 0, Problem LANGUAGE 0, Description LANGUAGE 0, Solution LANGUAGE 0)
                KEY INDEX PK_Commitments ON CommitmentsCatalog WITH CHANGE_TRACKING AUTO;
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQL Server refuses to alter a column in a full-text index: the index (ADR 0007) is dropped
            // around the wider commitment columns and built again. Untested here (no SQL Server).
            migrationBuilder.Sql("DROP FULLTEXT INDEX ON Commitments;", suppressTransaction: true);

            migrationBuilder.DropIndex(
                name: "IX_Members_DataCode",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_ActionPlans_OgpId",
                table: "ActionPlans");

            migrationBuilder.DropColumn(
                name: "DataCode",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "EarlyResults",
                table: "LegacyAssessments");

            migrationBuilder.DropColumn(
                name: "Missing",
                table: "LegacyAssessments");

            migrationBuilder.DropColumn(
                name: "PotentialForResults",
                table: "LegacyAssessments");

            migrationBuilder.DropColumn(
                name: "StarredAtEndOfTerm",
                table: "LegacyAssessments");

            migrationBuilder.DropColumn(
                name: "StarredAtProgressReport",
                table: "LegacyAssessments");

            migrationBuilder.DropColumn(
                name: "Verifiable",
                table: "LegacyAssessments");

            migrationBuilder.DropColumn(
                name: "EndDateAsWritten",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "NumberInPlan",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "StartDateAsWritten",
                table: "Commitments");

            migrationBuilder.DropColumn(
                name: "OgpId",
                table: "ActionPlans");

            migrationBuilder.DropColumn(
                name: "RecordedDurationYears",
                table: "ActionPlans");

            migrationBuilder.DropColumn(
                name: "SubmissionYear",
                table: "ActionPlans");

            migrationBuilder.AlterColumn<string>(
                name: "Institution",
                table: "MemberPointsOfContact",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organisation",
                table: "ConsultationComments",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Commitments",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "ShortTitle",
                table: "Commitments",
                type: "nvarchar(150)",
                maxLength: 150,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "LeadInstitution",
                table: "Commitments",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "ChallengeEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "LeadInstitution",
                table: "ChallengeEntries",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1000)",
                oldMaxLength: 1000);

            migrationBuilder.Sql("""
                CREATE FULLTEXT INDEX ON Commitments (Title LANGUAGE 0, ShortTitle LANGUAGE 0, Problem LANGUAGE 0, Description LANGUAGE 0, Solution LANGUAGE 0)
                KEY INDEX PK_Commitments ON CommitmentsCatalog WITH CHANGE_TRACKING AUTO;
                """, suppressTransaction: true);
        }
    }
}
