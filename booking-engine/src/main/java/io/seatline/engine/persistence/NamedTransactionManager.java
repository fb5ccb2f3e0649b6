package io.seatline.engine.persistence;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodClassKey;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.RuleBasedTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.StringUtils;

/**
 * Names the one transaction manager in the attributes of {@code @Transactional} methods that name none. Spring 7's
 * transaction interceptor otherwise looks for a {@code @Qualifier} annotation on the target class on every call (a
 * merged-annotation scan): 6 % of the booking writer's time, and as much again on every read. With a name it takes
 * the manager from its cache. An application with several transaction managers is left as it is.
 */
public final class NamedTransactionManager implements SmartInitializingSingleton {

	private final ObjectProvider<ListableBeanFactory> beans;

	public NamedTransactionManager(ObjectProvider<ListableBeanFactory> beans) {
		this.beans = beans;
	}

	// the interceptor is made before any post-processor could see it (the proxy creator needs it early): it gets
	// its named attributes once every singleton exists, before the application serves anything
	@Override
	public void afterSingletonsInstantiated() {
		var factory = this.beans.getObject();
		for (var interceptor : factory.getBeansOfType(TransactionInterceptor.class, false, false).values()) {
			var attributes = interceptor.getTransactionAttributeSource();
			if (attributes != null && !(attributes instanceof Named)) {
				interceptor.setTransactionAttributeSource(new Named(attributes, this.beans));
			}
		}
	}

	private static final class Named implements TransactionAttributeSource {

		private final TransactionAttributeSource attributes;

		private final ObjectProvider<ListableBeanFactory> beans;

		// by method: an attribute's own hash code builds its description text, on every call
		private final Map<MethodClassKey, TransactionAttribute> named = new ConcurrentHashMap<>();

		// resolved at the first call, once every bean is defined; empty when there is not exactly one
		private volatile String managerName;

		Named(TransactionAttributeSource attributes, ObjectProvider<ListableBeanFactory> beans) {
			this.attributes = attributes;
			this.beans = beans;
		}

		@Override
		public boolean isCandidateClass(Class<?> targetClass) {
			return this.attributes.isCandidateClass(targetClass);
		}

		@Override
		public boolean hasTransactionAttribute(Method method, Class<?> targetClass) {
			return this.attributes.hasTransactionAttribute(method, targetClass);
		}

		@Override
		public TransactionAttribute getTransactionAttribute(Method method, Class<?> targetClass) {
			var attribute = this.attributes.getTransactionAttribute(method, targetClass);
			// the annotation's default value names none with an empty name
			if (!(attribute instanceof RuleBasedTransactionAttribute rules) || StringUtils.hasText(rules.getQualifier())) {
				return attribute;
			}
			var name = managerName();
			if (name.isEmpty()) {
				return attribute;
			}
			return this.named.computeIfAbsent(new MethodClassKey(method, targetClass), (unnamed) -> {
				var copy = new RuleBasedTransactionAttribute(rules);
				copy.setQualifier(name);
				return copy;
			});
		}

		private String managerName() {
			var name = this.managerName;
			if (name == null) {
				var factory = this.beans.getIfAvailable();
				var names = (factory != null) ? factory.getBeanNamesForType(TransactionManager.class, false, false)
						: new String[0];
				name = (names.length == 1) ? names[0] : "";
				this.managerName = name;
			}
			return name;
		}
	}
}
