package io.seatline.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

import io.seatline.engine.catalog.CatalogSettings;
import io.seatline.engine.catalog.PriceSettings;
import io.seatline.engine.persistence.DatabaseUrl;
import io.seatline.engine.persistence.NamedTransactionManager;
import io.seatline.engine.persistence.SeatlineDataSource;
import io.seatline.engine.persistence.WritePath;
import io.seatline.engine.persistence.WriteRouting;
import io.seatline.engine.persistence.SqliteExceptionTranslator;

/**
 * Sets up the booking engine in any Spring Boot application: the data source from {@code DATABASE_URL}, the
 * migrations for its database, the entities, repositories and services of every feature, and a {@link Clock}.
 */
@AutoConfiguration(before = { DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
		DataJpaRepositoriesAutoConfiguration.class, FlywayAutoConfiguration.class })
@AutoConfigurationPackage
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
		classes = SeatlineEngineAutoConfiguration.class))
@ConfigurationPropertiesScan
public class SeatlineEngineAutoConfiguration {

	@Bean
	DatabaseUrl seatlineDatabaseUrl(@Value("${DATABASE_URL:" + DatabaseUrl.DEFAULT + "}") String url) {
		return new DatabaseUrl(url);
	}

	/** A write pool and, on SQLite, a read-only pool that read-only transactions use; see {@link SeatlineDataSource}. */
	@Bean
	@ConditionalOnMissingBean(DataSource.class)
	SeatlineDataSource dataSource(DatabaseUrl url) {
		return SeatlineDataSource.open(url);
	}

	/** Routes writing engine methods to the one write path; see {@link WriteRouting}. */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static WriteRouting seatlineWriteRouting(ObjectProvider<WritePath> writePath) {
		return new WriteRouting(writePath);
	}

	/**
	 * A refusal inside a write does not doom the transaction it joined: the write path rolls back that request's
	 * savepoint and commits the others' work.
	 */
	@Bean
	static BeanPostProcessor seatlineParticipationFailures() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractPlatformTransactionManager manager) {
					manager.setGlobalRollbackOnParticipationFailure(false);
				}
				return bean;
			}
		};
	}

	/** @Transactional methods that name no transaction manager get the one there is, found once, not per call. */
	@Bean
	NamedTransactionManager seatlineNamedTransactionManager(ObjectProvider<ListableBeanFactory> beans) {
		return new NamedTransactionManager(beans);
	}

	/** A JdbcTemplate that reports SQLite's constraint and busy errors as Spring's exceptions. */
	@Bean
	@ConditionalOnMissingBean(JdbcOperations.class)
	JdbcTemplate jdbcTemplate(DataSource dataSource, DatabaseUrl url) {
		var jdbc = new JdbcTemplate(dataSource);
		if (url.isSqlite()) {
			jdbc.setExceptionTranslator(new SqliteExceptionTranslator());
		}
		return jdbc;
	}

	/** The same translation for JPA, which otherwise reports a broken SQLite constraint as a generic failure. */
	@Bean
	static BeanPostProcessor seatlineJpaExceptionTranslation(ObjectProvider<DatabaseUrl> url) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HibernateJpaVendorAdapter adapter && url.getObject().isSqlite()) {
					adapter.getJpaDialect().setJdbcExceptionTranslator(new SqliteExceptionTranslator());
				}
				return bean;
			}
		};
	}

	@Bean
	HibernatePropertiesCustomizer seatlineHibernateProperties(DatabaseUrl url) {
		return (properties) -> {
			if (url.isSqlite()) {
				properties.putIfAbsent("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
			}
			// no entity carries Bean Validation constraints (the engine checks its commands itself): looking for them
			// cost every start a tenth of a second or more
			properties.putIfAbsent("jakarta.persistence.validation.mode", "none");
		};
	}

	@Bean
	FlywayConfigurationCustomizer seatlineMigrations(DatabaseUrl url, CatalogSettings catalog, PriceSettings prices) {
		return (configuration) -> {
			// the database's own migrations, and those whose SQL is the same on both
			configuration.locations("classpath:db/migration/" + url.vendor(), "classpath:db/migration/common");
			// the zone the venues of before get (V10); a checked zone id, safe inside an SQL string
			var placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.put("seatline_default_time_zone", catalog.defaultTimeZone());
			// the currency of the events and bookings of before (V12); a checked ISO 4217 code
			placeholders.put("seatline_currency", prices.currency());
			configuration.placeholders(placeholders);
		};
	}

	/** UTC, ticking in milliseconds: what a reply shows is exactly what was stored. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}
}
