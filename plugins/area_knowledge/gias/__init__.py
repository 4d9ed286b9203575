"""gias"""
