using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OgpPortal.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OgpDataImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DataCode",
                table: "Members",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EarlyResults",
                table: "LegacyAssessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Missing",
                table: "LegacyAssessments",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "PotentialForResults",
                table: "LegacyAssessments",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StarredAtEndOfTerm",
                table: "LegacyAssessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StarredAtProgressReport",
                table: "LegacyAssessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Verifiable",
                table: "LegacyAssessments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndDateAsWritten",
                table: "Commitments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NumberInPlan",
                table: "Commitments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StartDateAsWritten",
                table: "Commitments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OgpId",
                table: "ActionPlans",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecordedDurationYears",
                table: "ActionPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SubmissionYear",
                table: "ActionPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_DataCode",
                table: "Members",
                column: "DataCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionPlans_OgpId",
                table: "ActionPlans",
                column: "OgpId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
