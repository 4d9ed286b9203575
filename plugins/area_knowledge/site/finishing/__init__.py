"""site/finishing"""
